DELETE FROM registered_model_aliases WHERE model_id = @ModelId;
DELETE FROM model_version_tags WHERE model_id = @ModelId;
DELETE FROM model_versions WHERE model_id = @ModelId;
DELETE FROM registered_model_tags WHERE model_id = @ModelId;
DELETE FROM registered_models WHERE model_id = @ModelId;
