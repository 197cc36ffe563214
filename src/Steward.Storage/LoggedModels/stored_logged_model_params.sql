SELECT model_id AS owner_id, key, value FROM logged_model_params WHERE model_id = @modelId AND key {in @keys}
