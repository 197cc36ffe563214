INSERT INTO version_approvals (model_id, version, approver, approver_roles, decision, reason, tier, evidence_sha256, evidence, decided_at)
VALUES (@modelId, @Version, @Approver, @roles, @decision, @Reason, @tier, @EvidenceFingerprint, @Evidence, @DecidedAt)
RETURNING approval_id
