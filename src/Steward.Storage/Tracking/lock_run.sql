SELECT run_key, run_uuid, name, experiment_id, user_id, status, start_time, end_time, artifact_uri, lifecycle_stage
FROM runs WHERE run_uuid = @runId
{for_update}
