-- Points of which some may be stored already. ON CONFLICT relies on the primary key whatever
-- the planner believes; an anti-join here fell back to scanning the whole table when the
-- table outgrew its statistics. The batch arrives de-duplicated; NaN is NaN.
INSERT INTO metrics (run_key, key, value, timestamp, step)
SELECT @run, u.key, u.value, u.timestamp, u.step
FROM unnest(@keys, @values, @timestamps, @steps) AS u (key, value, timestamp, step)
ON CONFLICT DO NOTHING
