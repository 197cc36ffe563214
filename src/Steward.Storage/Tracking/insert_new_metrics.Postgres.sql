-- The usual batch brings new steps or new timestamps: when no stored point of its keys lies
-- within its step and timestamp ranges, none can equal one of its points, and a plain insert
-- does (at less than half the cost per row of ON CONFLICT's speculative insertion). The
-- check runs once, before any row, down the primary key from (key, minStep, minTimestamp)
-- to the end of maxStep: in the usual case an empty range, but a run that starts its steps
-- over reads its earlier points in the step range. The run's row lock keeps other writers
-- of the run out until commit. Otherwise nothing is inserted: the writer sees a
-- count of 0 and falls back to insert_metric. The batch arrives de-duplicated; NaN is NaN.
INSERT INTO metrics (run_key, key, value, timestamp, step)
SELECT @run, u.key, u.value, u.timestamp, u.step
FROM unnest(@keys, @values, @timestamps, @steps) AS u (key, value, timestamp, step)
WHERE NOT EXISTS (
    SELECT 1 FROM metrics m
    WHERE m.run_key = @run AND m.key = ANY(@distinctKeys)
      AND m.step BETWEEN @minStep AND @maxStep
      AND m.timestamp BETWEEN @minTimestamp AND @maxTimestamp)
