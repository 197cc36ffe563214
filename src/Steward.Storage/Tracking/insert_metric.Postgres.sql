-- ON CONFLICT relies on the primary key whatever the planner believes; an anti-join here was
-- 25% cheaper with fresh statistics but fell back to scanning the whole table when the table
-- outgrew them (84 ms per 1000-point batch). The batch arrives de-duplicated; NaN is NaN.
INSERT INTO metrics (run_key, key, value, timestamp, step)
SELECT @run, u.key, u.value, u.timestamp, u.step
FROM unnest(@keys, @values, @timestamps, @steps) AS u (key, value, timestamp, step)
ON CONFLICT DO NOTHING
