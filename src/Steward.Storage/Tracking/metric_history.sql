SELECT run_uuid, key, value, timestamp, step, is_nan
FROM metrics
WHERE run_uuid = @runId AND key = @key
ORDER BY step, timestamp, is_nan DESC, value
