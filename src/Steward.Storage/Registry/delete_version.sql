DELETE FROM registered_model_aliases WHERE model_id = @ModelId AND version = @version;
DELETE FROM model_version_tags WHERE model_id = @ModelId AND version = @version;
DELETE FROM model_versions WHERE model_id = @ModelId AND version = @version;
