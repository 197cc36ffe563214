INSERT INTO datasets (dataset_uuid, experiment_id, name, digest, source_type, source, dataset_schema, profile)
VALUES (@datasetUuid, @experimentId, @Name, @Digest, @SourceType, @Source, @Schema, @Profile)
ON CONFLICT (experiment_id, name, digest) DO NOTHING
