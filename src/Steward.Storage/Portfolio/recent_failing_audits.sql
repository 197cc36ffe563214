-- Of the most recently changed versions (ordered as the registry's search orders them), the
-- latest audit of each kind, kept when it failed: an older failure fixed since is not listed.
-- The same text runs on SQLite and PostgreSQL.
WITH recent AS (
    SELECT v.model_id, rm.name, v.version, v.last_updated_time
    FROM model_versions v JOIN registered_models rm ON rm.model_id = v.model_id
    ORDER BY v.last_updated_time DESC, rm.name ASC, v.version DESC
    LIMIT @recent
),
latest AS (
    SELECT a.audit_id, a.kind, a.verdict, a.summary, r.name, r.version, r.last_updated_time,
           ROW_NUMBER() OVER (PARTITION BY a.model_id, a.version, a.kind ORDER BY a.audit_id DESC) AS nth
    FROM model_audits a JOIN recent r ON r.model_id = a.model_id AND r.version = a.version
)
SELECT audit_id AS Id, name AS ModelName, version AS Version, kind AS Kind, summary AS Summary
FROM latest
WHERE nth = 1 AND verdict = 'failed'
ORDER BY last_updated_time DESC, name ASC, version DESC, audit_id DESC
