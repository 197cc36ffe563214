INSERT INTO runs (run_uuid, name, experiment_id, user_id, status, start_time, end_time, artifact_uri, lifecycle_stage)
VALUES (@RunUuid, @Name, @ExperimentId, @UserId, @Status, @StartTime, @EndTime, @ArtifactUri, @LifecycleStage)
RETURNING run_key
