-- One row per key (the batch's latest point), so ON CONFLICT never meets a key twice.
-- The stored point is replaced only by a later one: greater (step, timestamp, value), with
-- NaN below every number (1 - is_nan) as in Metric.IsLaterThan.
INSERT INTO latest_metrics (run_key, key, value, timestamp, step, is_nan)
SELECT @run, u.key, u.value, u.timestamp, u.step, u.is_nan
FROM unnest(@keys, @values, @timestamps, @steps, @nans) AS u (key, value, timestamp, step, is_nan)
ON CONFLICT (run_key, key) DO UPDATE
SET value = excluded.value, timestamp = excluded.timestamp, step = excluded.step, is_nan = excluded.is_nan
WHERE (excluded.step, excluded.timestamp, 1 - excluded.is_nan, excluded.value)
    > (latest_metrics.step, latest_metrics.timestamp, 1 - latest_metrics.is_nan, latest_metrics.value)
