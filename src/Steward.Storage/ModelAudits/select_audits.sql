-- The model's current name when it still exists; the name at audit time otherwise. Callers
-- append their WHERE and ORDER BY.
SELECT a.audit_id AS Id, COALESCE(m.name, a.model_name) AS ModelName, a.version AS Version, a.kind AS Kind,
       a.data_source AS DataSource, a.settings AS SettingsJson, a.report AS ReportJson, a.verdict AS Verdict,
       a.summary AS Summary, a.created_by AS CreatedBy, a.created_at_ms AS CreatedAtMs
FROM model_audits a LEFT JOIN registered_models m ON m.model_id = a.model_id
