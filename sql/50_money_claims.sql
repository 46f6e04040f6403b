-- money_claims: one row per claim about money (unit is an ISO 4217 currency code), with its value in the
-- stated currency, what it measures, who the text says claims it, its document, and whether it is the size of
-- a stated rise or fall (change: increase, decrease or NULL).
CREATE OR REPLACE VIEW money_claims AS
SELECT c.claim_id, c.doc_id, c.surface, c.unit AS currency, c.value, c.qualifier, c.measured, c.period,
       c.attributed_to, c.attributed_body_id, b.name AS attributed_body_name, c.attributed_person_id,
       p.name AS attributed_person_name,
       d.title AS document_title, d.uri, d.source, d.published_date, c.sentence, c.change
FROM numeric_claims c
JOIN documents d USING (doc_id)
LEFT JOIN bodies b ON b.body_id = c.attributed_body_id
LEFT JOIN people p ON p.person_id = c.attributed_person_id
WHERE regexp_matches(c.unit, '^[A-Z]{3}$');
