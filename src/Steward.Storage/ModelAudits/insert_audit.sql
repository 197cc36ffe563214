INSERT INTO model_audits (model_id, model_name, version, kind, data_source, settings, report, verdict, summary, created_by, created_at_ms)
VALUES (@modelId, @ModelName, @Version, @kind, @DataSource, @SettingsJson, @ReportJson, @verdict, @Summary, @createdBy, @now)
RETURNING audit_id
