INSERT INTO metrics (run_key, key, value, timestamp, step, is_nan)
VALUES (@run, @key, @value, @timestamp, @step, @is_nan)
ON CONFLICT DO NOTHING
