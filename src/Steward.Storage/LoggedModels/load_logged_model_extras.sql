SELECT model_id AS owner_id, key, value
FROM logged_model_tags WHERE model_id {in @ids} ORDER BY model_id, key;

SELECT model_id AS owner_id, key, value
FROM logged_model_params WHERE model_id {in @ids} ORDER BY model_id, key;
