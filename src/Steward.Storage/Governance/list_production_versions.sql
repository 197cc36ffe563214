-- The versions in Production of the models that have a governance record, for the registry's
-- "draft while in Production" warning; the caller appends a condition on the model and ORDER BY.
SELECT rm.name AS model_name, v.version
FROM governance_records g
JOIN registered_models rm ON rm.model_id = g.model_id
JOIN model_versions v ON v.model_id = g.model_id
WHERE v.current_stage = @production
