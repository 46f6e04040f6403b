-- document_summary: one row per published document, with its metadata, how much of the page was
-- boilerplate (boilerplate characters / all block characters; NULL when it has no blocks) and how many claims,
-- distinct bodies, people and places it holds and how many errors are listed against it.
CREATE OR REPLACE VIEW document_summary AS
WITH blocks AS (
    SELECT doc_id,
           coalesce(sum(length(text)) FILTER (WHERE is_boilerplate), 0) AS boilerplate_chars,
           coalesce(sum(length(text)), 0) AS block_chars,
           count(*) AS blocks
    FROM document_blocks GROUP BY doc_id
),
claims AS (SELECT doc_id, count(*) AS n FROM numeric_claims GROUP BY doc_id),
bodies AS (SELECT doc_id, count(DISTINCT body_id) AS n FROM body_mentions GROUP BY doc_id),
people AS (SELECT doc_id, count(DISTINCT person_id) AS n FROM person_mentions GROUP BY doc_id),
places AS (SELECT doc_id, count(DISTINCT place_id) AS n FROM place_mentions GROUP BY doc_id),
errors AS (SELECT doc_id, count(*) AS n FROM ingest_errors WHERE doc_id IS NOT NULL GROUP BY doc_id)
SELECT d.doc_id, d.source, d.uri, d.title, d.author, d.publisher, d.published_date, d.language, d.word_count,
       coalesce(b.blocks, 0) AS blocks,
       CASE WHEN coalesce(b.block_chars, 0) = 0 THEN NULL
            ELSE round(b.boilerplate_chars / b.block_chars, 4) END AS boilerplate_share,
       coalesce(c.n, 0) AS claims,
       coalesce(bo.n, 0) AS bodies,
       coalesce(pe.n, 0) AS people,
       coalesce(pl.n, 0) AS places,
       coalesce(e.n, 0) AS errors
FROM documents d
LEFT JOIN blocks b ON b.doc_id = d.doc_id
LEFT JOIN claims c ON c.doc_id = d.doc_id
LEFT JOIN bodies bo ON bo.doc_id = d.doc_id
LEFT JOIN people pe ON pe.doc_id = d.doc_id
LEFT JOIN places pl ON pl.doc_id = d.doc_id
LEFT JOIN errors e ON e.doc_id = d.doc_id;
