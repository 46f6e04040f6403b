-- Repeated-line verdicts (CONTRACT section 6): for each document, the block keys of its that appear on several
-- distinct pages of its source (near-copies count once: `page` numbers a document's near-copy group), each with the
-- bucket floor its page count reaches ($buckets), as the JSON text Python's json.dumps(sort_keys=True) writes, and
-- the first 16 hex of its sha256. Documents with no key on $buckets[1] pages or more have no row.
-- Tables: `docs` (doc_id, raw_file, row n, source src, page), `keys` (n, src, page, key), made by planning.py.
CREATE TEMP TABLE verdicts AS
WITH pages AS (  -- a GROUP BY over distinct pairs, not count(DISTINCT page): DuckDB spills the one, not the other
    SELECT src, key, count(*) AS pages
    FROM (SELECT DISTINCT src, key, page FROM keys) GROUP BY src, key HAVING count(*) > 1
), bucketed AS (
    SELECT keys.n, keys.key,
           coalesce(list_max(list_filter(CAST($buckets AS INTEGER[]), lambda f: f <= pages.pages)), 0) AS bucket
    FROM keys JOIN pages USING (src, key)
), texts AS (
    SELECT n, '{' || string_agg('"' || key || '": ' || bucket, ', ' ORDER BY key) || '}' AS repeated
    FROM bucketed WHERE bucket > 0 GROUP BY n
)
SELECT docs.doc_id, sha256(repeated)[1:16] AS sig, repeated FROM texts JOIN docs USING (n)
