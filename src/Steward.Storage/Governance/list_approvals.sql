SELECT a.approval_id, rm.name AS model_name, a.version, a.approver, a.approver_roles, a.decision, a.reason, a.tier, a.evidence_sha256, a.evidence, a.decided_at
FROM version_approvals a JOIN registered_models rm ON rm.model_id = a.model_id
WHERE rm.name = @modelName AND a.version = @version
ORDER BY a.approval_id
