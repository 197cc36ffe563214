SELECT m.model_id, m.experiment_id, m.name, m.artifact_location, m.creation_timestamp_ms, m.last_updated_timestamp_ms,
       m.status, m.status_message, m.model_type, m.source_run_id
FROM logged_models m
WHERE m.experiment_id {in @ids} AND m.lifecycle_stage = @active
ORDER BY m.creation_timestamp_ms DESC, m.model_id
LIMIT @limit OFFSET @offset
