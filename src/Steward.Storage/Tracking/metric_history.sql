SELECT m.key, m.value, m.timestamp, m.step, m.is_nan
FROM runs r JOIN metrics m ON m.run_key = r.run_key
WHERE r.run_uuid = @runId AND m.key = @key
ORDER BY m.step, m.timestamp, m.is_nan DESC, m.value
