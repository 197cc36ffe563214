INSERT INTO metrics (run_uuid, key, value, timestamp, step, is_nan)
SELECT @run, u.key, u.value, u.timestamp, u.step, u.is_nan
FROM unnest(@keys, @values, @timestamps, @steps, @nans) AS u (key, value, timestamp, step, is_nan)
ON CONFLICT DO NOTHING
