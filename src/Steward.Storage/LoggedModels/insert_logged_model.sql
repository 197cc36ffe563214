INSERT INTO logged_models (model_id, experiment_id, name, artifact_location, creation_timestamp_ms,
                           last_updated_timestamp_ms, status, status_message, model_type, source_run_id, lifecycle_stage)
VALUES (@ModelId, @experimentId, @Name, @ArtifactUri, @CreationTimestampMs,
        @LastUpdatedTimestampMs, @status, @StatusMessage, @ModelType, @SourceRunId, @stage)
