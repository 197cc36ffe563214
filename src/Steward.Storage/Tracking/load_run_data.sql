SELECT run_key, key, value, timestamp, step, is_nan
FROM latest_metrics WHERE run_key {in @keys} ORDER BY run_key, key;

SELECT run_key, key, value
FROM params WHERE run_key {in @keys} ORDER BY run_key, key;

SELECT run_key, key, value
FROM tags WHERE run_key {in @keys} ORDER BY run_key, key;

SELECT i.run_key, d.dataset_uuid, d.name, d.digest, d.source_type, d.source, d.dataset_schema, d.profile
FROM run_inputs i JOIN datasets d ON d.dataset_uuid = i.dataset_uuid
WHERE i.run_key {in @keys} ORDER BY i.run_key, d.name, d.digest;

SELECT run_key, dataset_uuid, key, value
FROM input_tags WHERE run_key {in @keys} ORDER BY run_key, dataset_uuid, key;
