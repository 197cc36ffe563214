SELECT run_uuid, key, value, timestamp, step, is_nan
FROM latest_metrics WHERE run_uuid {in @ids} ORDER BY run_uuid, key;

SELECT run_uuid AS owner_id, key, value
FROM params WHERE run_uuid {in @ids} ORDER BY run_uuid, key;

SELECT run_uuid AS owner_id, key, value
FROM tags WHERE run_uuid {in @ids} ORDER BY run_uuid, key;

SELECT i.run_uuid, d.dataset_uuid, d.name, d.digest, d.source_type, d.source, d.dataset_schema, d.profile
FROM run_inputs i JOIN datasets d ON d.dataset_uuid = i.dataset_uuid
WHERE i.run_uuid {in @ids} ORDER BY i.run_uuid, d.name, d.digest;

SELECT run_uuid, dataset_uuid, key, value
FROM input_tags WHERE run_uuid {in @ids} ORDER BY run_uuid, dataset_uuid, key;
