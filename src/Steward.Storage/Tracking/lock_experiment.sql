SELECT experiment_id, name, artifact_location, lifecycle_stage, creation_time, last_update_time, domain
FROM experiments WHERE experiment_id = @id
{for_update}
