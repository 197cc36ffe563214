SELECT w.waiver_id, rm.name AS model_name, w.version, w.step, w.reason, w.expires_at, w.waived_by, w.waived_at
FROM step_waivers w JOIN registered_models rm ON rm.model_id = w.model_id
WHERE rm.name = @modelName AND w.version = @version
ORDER BY w.waiver_id
