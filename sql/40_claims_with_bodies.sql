-- claims_with_bodies: one row per numeric claim and body mentioned inside the claim's sentence
-- (a claim with no body in its sentence has no row).
CREATE OR REPLACE VIEW claims_with_bodies AS
SELECT c.claim_id, c.doc_id, c.surface, c.value, c.unit, c.qualifier, c.measured, c.period,
       b.body_id, b.name AS body_name, b.body_type, m.surface AS body_surface,
       (c.attributed_body_id IS NOT DISTINCT FROM b.body_id) AS is_attributed,
       c.sentence
FROM numeric_claims c
JOIN body_mentions m ON m.doc_id = c.doc_id
                    AND m.char_start >= c.sentence_start AND m.char_end <= c.sentence_end
JOIN bodies b ON b.body_id = m.body_id;
