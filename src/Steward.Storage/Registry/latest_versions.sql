-- The newest version in each stage of each model.
SELECT v.model_id, rm.name, v.version, v.creation_time, v.last_updated_time, v.user_id, v.description,
       v.current_stage, v.source, v.run_id, v.run_link, v.status, v.status_message
FROM model_versions v
JOIN registered_models rm ON rm.model_id = v.model_id
WHERE v.model_id {in @ids}
  AND v.version = (SELECT MAX(v2.version) FROM model_versions v2
                   WHERE v2.model_id = v.model_id AND v2.current_stage = v.current_stage)
ORDER BY v.model_id, v.version
