-- claims_by_unit: one row per unit of numeric claims (GBP, percent, count, ...), with how many claims and
-- documents use it, the spread of their values, and how many are the size of a stated rise or fall (change).
CREATE OR REPLACE VIEW claims_by_unit AS
SELECT unit,
       count(*) AS claims,
       count(DISTINCT doc_id) AS documents,
       min(value) AS min_value,
       median(value) AS median_value,
       max(value) AS max_value,
       count(*) FILTER (WHERE change = 'increase') AS increases,
       count(*) FILTER (WHERE change = 'decrease') AS decreases
FROM numeric_claims
GROUP BY unit;
