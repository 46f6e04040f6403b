-- Which documents the run (re)processes: those of enabled sources ($enabled) that are new or re-read (no
-- out_batch yet), extracted by another extractor version, whose repeated-line verdicts changed, whose staged
-- batch is gone (not in $batches), or all of them on a $full run; numbered by doc_id into batches of $batch_size.
-- Tables: `rows` (the next manifest's rows before planning), `verdicts` (plan_verdicts.sql).
CREATE TEMP TABLE planned AS
WITH decided AS (
    SELECT r.doc_id, coalesce(v.sig, '') AS sig,
           list_contains(CAST($enabled AS VARCHAR[]), r.source)
           AND ($full OR r.out_batch IS NULL OR r.extractor_version IS DISTINCT FROM $version
                OR r.repeat_sig IS DISTINCT FROM coalesce(v.sig, '')
                OR NOT list_contains(CAST($batches AS VARCHAR[]), r.out_batch)) AS todo
    FROM rows r LEFT JOIN verdicts v USING (doc_id)
)
SELECT *, CASE WHEN todo THEN (row_number() OVER (PARTITION BY todo ORDER BY doc_id) - 1) // $batch_size END
          AS batch_no
FROM decided
