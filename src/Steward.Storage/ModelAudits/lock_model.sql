SELECT model_id FROM registered_models WHERE name = @modelName
{for_update}
