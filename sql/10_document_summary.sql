-- document_summary: one row per published document, with its metadata, how much of the page was
-- boilerplate (boilerplate characters / all block characters) and how many claims and entities it holds.
CREATE OR REPLACE VIEW document_summary AS
WITH blocks AS (
    SELECT doc_id,
           sum(length(text)) FILTER (WHERE is_boilerplate) AS boilerplate_chars,
           sum(length(text)) AS block_chars,
           count(*) AS blocks
    FROM document_blocks GROUP BY doc_id
)
SELECT d.doc_id, d.source, d.uri, d.title, d.author, d.publisher, d.published_date, d.language, d.word_count,
       coalesce(b.blocks, 0) AS blocks,
       CASE WHEN coalesce(b.block_chars, 0) = 0 THEN NULL
            ELSE round(coalesce(b.boilerplate_chars, 0) / b.block_chars, 4) END AS boilerplate_share,
       (SELECT count(*) FROM numeric_claims c WHERE c.doc_id = d.doc_id) AS claims,
       (SELECT count(DISTINCT m.body_id) FROM body_mentions m WHERE m.doc_id = d.doc_id) AS bodies,
       (SELECT count(DISTINCT m.person_id) FROM person_mentions m WHERE m.doc_id = d.doc_id) AS people,
       (SELECT count(DISTINCT m.place_id) FROM place_mentions m WHERE m.doc_id = d.doc_id) AS places,
       (SELECT count(*) FROM ingest_errors e WHERE e.doc_id = d.doc_id) AS errors
FROM documents d LEFT JOIN blocks b USING (doc_id);
