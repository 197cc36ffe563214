SELECT model_id, 0 AS version, key, value
FROM registered_model_tags WHERE model_id {in @ids} ORDER BY model_id, key;

SELECT model_id, alias, version
FROM registered_model_aliases WHERE model_id {in @ids} ORDER BY model_id, alias;
