-- metrics stores NaN as NaN (above every number in PostgreSQL's order); NaN comes first
-- among points of one step and timestamp, as on SQLite.
SELECT m.key, m.value, m.timestamp, m.step, CASE WHEN m.value = 'NaN' THEN 1 ELSE 0 END AS is_nan
FROM runs r JOIN metrics m ON m.run_key = r.run_key
WHERE r.run_uuid = @runId AND m.key = @key
ORDER BY m.step, m.timestamp, m.value = 'NaN' DESC, m.value
