SELECT model_id, version, key, value
FROM model_version_tags WHERE model_id {in @ids} ORDER BY model_id, version, key;

SELECT model_id, alias, version
FROM registered_model_aliases WHERE model_id {in @ids} ORDER BY model_id, alias;
