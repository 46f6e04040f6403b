-- body_mention_counts: one row per named body, with how many documents and mentions name it and the dates of
-- the first and last of those documents (where they state a date).
CREATE OR REPLACE VIEW body_mention_counts AS
SELECT b.body_id, b.name, b.body_type, b.acronym, b.is_generic, b.reference_id,
       count(DISTINCT m.doc_id) AS documents,
       count(m.doc_id) AS mentions,
       min(d.published_date) AS first_document_date,
       max(d.published_date) AS last_document_date
FROM bodies b
LEFT JOIN body_mentions m USING (body_id)
LEFT JOIN documents d USING (doc_id)
GROUP BY ALL;
