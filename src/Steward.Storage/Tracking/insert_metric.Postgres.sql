-- Writers of one run hold its row lock (lock_run.sql), so checking for stored points and then
-- inserting cannot race; that is much cheaper than ON CONFLICT's speculative insertion. The
-- batch arrives de-duplicated, and the primary key still refuses any duplicate that slipped by.
INSERT INTO metrics (run_uuid, key, value, timestamp, step, is_nan)
SELECT @run, u.key, u.value, u.timestamp, u.step, u.is_nan
FROM unnest(@keys, @values, @timestamps, @steps, @nans) AS u (key, value, timestamp, step, is_nan)
WHERE NOT EXISTS (
    SELECT 1 FROM metrics m
    WHERE m.run_uuid = @run AND m.key = u.key AND m.step = u.step
      AND m.timestamp = u.timestamp AND m.value = u.value AND m.is_nan = u.is_nan)
