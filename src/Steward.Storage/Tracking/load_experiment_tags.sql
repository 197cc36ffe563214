SELECT experiment_id, key, value FROM experiment_tags WHERE experiment_id {in @ids} ORDER BY experiment_id, key
