using Steward.Governance;
using Steward.Governance.Lifecycle;
using Steward.Identity;
using Steward.Storage.Sql;

namespace Steward.Storage.Governance;

/// <summary>Approvals, waivers, attestations and stage history on SQLite or PostgreSQL; role lists are JSON text.</summary>
internal sealed class SqlLifecycleStore(SqlDatabase database) : ILifecycleStore
{
    public Task<Approval> AddApprovalAsync(Approval approval, CancellationToken cancellationToken) =>
        database.WriteAsync(async session =>
        {
            var modelId = await ModelKeys.LockVersionAsync(session, approval.ModelName, approval.Version);
            var id = await session.ScalarAsync<long>("""
                INSERT INTO version_approvals (model_id, version, approver, approver_roles, decision, reason, tier, evidence_sha256, evidence, decided_at)
                VALUES (@modelId, @Version, @Approver, @roles, @decision, @Reason, @tier, @EvidenceFingerprint, @Evidence, @DecidedAt)
                RETURNING approval_id
                """,
                new
                {
                    modelId, approval.Version, approval.Approver, roles = StoredJson.Write(approval.ApproverRoles.Select(Roles.Name)),
                    decision = ApprovalNames.Name(approval.Decision), approval.Reason, tier = RiskTiers.Name(approval.Tier),
                    approval.EvidenceFingerprint, approval.Evidence, approval.DecidedAt,
                });
            return approval with { Id = id };
        }, cancellationToken);

    public Task<IReadOnlyList<Approval>> ListApprovalsAsync(string modelName, int version, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<Approval>>(async session =>
            (await session.QueryAsync<ApprovalRow>("""
                SELECT a.approval_id, rm.name AS model_name, a.version, a.approver, a.approver_roles, a.decision, a.reason, a.tier, a.evidence_sha256, a.evidence, a.decided_at
                FROM version_approvals a JOIN registered_models rm ON rm.model_id = a.model_id
                WHERE rm.name = @modelName AND a.version = @version
                ORDER BY a.approval_id
                """, new { modelName, version })).Select(r => r.ToApproval()).ToList(), cancellationToken);

    public Task<Waiver> AddWaiverAsync(Waiver waiver, CancellationToken cancellationToken) =>
        database.WriteAsync(async session =>
        {
            var modelId = await ModelKeys.LockVersionAsync(session, waiver.ModelName, waiver.Version);
            var id = await session.ScalarAsync<long>("""
                INSERT INTO step_waivers (model_id, version, step, reason, expires_at, waived_by, waived_at)
                VALUES (@modelId, @Version, @Step, @Reason, @ExpiresAt, @WaivedBy, @WaivedAt)
                RETURNING waiver_id
                """, new { modelId, waiver.Version, waiver.Step, waiver.Reason, waiver.ExpiresAt, waiver.WaivedBy, waiver.WaivedAt });
            return waiver with { Id = id };
        }, cancellationToken);

    public Task<IReadOnlyList<Waiver>> ListWaiversAsync(string modelName, int version, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<Waiver>>(async session =>
            (await session.QueryAsync<WaiverRow>("""
                SELECT w.waiver_id, rm.name AS model_name, w.version, w.step, w.reason, w.expires_at, w.waived_by, w.waived_at
                FROM step_waivers w JOIN registered_models rm ON rm.model_id = w.model_id
                WHERE rm.name = @modelName AND w.version = @version
                ORDER BY w.waiver_id
                """, new { modelName, version })).Select(r => new Waiver(r.WaiverId, r.ModelName, r.Version, r.Step, r.Reason, r.ExpiresAt, r.WaivedBy, r.WaivedAt)).ToList(),
            cancellationToken);

    public Task<Attestation> AddAttestationAsync(Attestation attestation, CancellationToken cancellationToken) =>
        database.WriteAsync(async session =>
        {
            var modelId = await ModelKeys.LockVersionAsync(session, attestation.ModelName, attestation.Version);
            var id = await session.ScalarAsync<long>("""
                INSERT INTO step_attestations (model_id, version, step, link, note, attested_by, attester_roles, attested_at)
                VALUES (@modelId, @Version, @Step, @Link, @Note, @AttestedBy, @roles, @AttestedAt)
                RETURNING attestation_id
                """,
                new
                {
                    modelId, attestation.Version, attestation.Step, attestation.Link, attestation.Note, attestation.AttestedBy,
                    roles = StoredJson.Write(attestation.AttesterRoles.Select(Roles.Name)), attestation.AttestedAt,
                });
            return attestation with { Id = id };
        }, cancellationToken);

    public Task<IReadOnlyList<Attestation>> ListAttestationsAsync(string modelName, int version, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<Attestation>>(async session =>
            (await session.QueryAsync<AttestationRow>("""
                SELECT t.attestation_id, rm.name AS model_name, t.version, t.step, t.link, t.note, t.attested_by, t.attester_roles, t.attested_at
                FROM step_attestations t JOIN registered_models rm ON rm.model_id = t.model_id
                WHERE rm.name = @modelName AND t.version = @version
                ORDER BY t.attestation_id
                """, new { modelName, version })).Select(r => r.ToAttestation()).ToList(), cancellationToken);

    public Task<long?> FirstEnteredStagingAsync(string modelName, int version, CancellationToken cancellationToken) =>
        database.ReadAsync(session => session.FirstOrDefaultAsync<long?>("""
            SELECT MIN(h.entered_at) FROM model_version_stage_history h JOIN registered_models rm ON rm.model_id = h.model_id
            WHERE rm.name = @modelName AND h.version = @version AND h.stage = 'Staging'
            """, new { modelName, version }), cancellationToken);

    private static List<Role> ReadRoles(string json) => StoredJson.Read<List<string>>(json).Select(n => Roles.Parse(n)).ToList();

    private sealed class ApprovalRow
    {
        public long ApprovalId { get; set; }
        public string ModelName { get; set; } = "";
        public int Version { get; set; }
        public string Approver { get; set; } = "";
        public string ApproverRoles { get; set; } = "[]";
        public string Decision { get; set; } = "";
        public string Reason { get; set; } = "";
        public string Tier { get; set; } = "";
        public string EvidenceSha256 { get; set; } = "";
        public string Evidence { get; set; } = "";
        public long DecidedAt { get; set; }

        public Approval ToApproval() => new(
            ApprovalId, ModelName, Version, Approver, ReadRoles(ApproverRoles), ApprovalNames.Parse(Decision), Reason,
            RiskTiers.Parse(Tier) ?? throw new InvalidOperationException($"Stored approval {ApprovalId} has an unknown tier '{Tier}'."),
            EvidenceSha256, Evidence, DecidedAt);
    }

    private sealed class WaiverRow
    {
        public long WaiverId { get; set; }
        public string ModelName { get; set; } = "";
        public int Version { get; set; }
        public string Step { get; set; } = "";
        public string Reason { get; set; } = "";
        public long ExpiresAt { get; set; }
        public string WaivedBy { get; set; } = "";
        public long WaivedAt { get; set; }
    }

    private sealed class AttestationRow
    {
        public long AttestationId { get; set; }
        public string ModelName { get; set; } = "";
        public int Version { get; set; }
        public string Step { get; set; } = "";
        public string Link { get; set; } = "";
        public string Note { get; set; } = "";
        public string AttestedBy { get; set; } = "";
        public string AttesterRoles { get; set; } = "[]";
        public long AttestedAt { get; set; }

        public Attestation ToAttestation() => new(AttestationId, ModelName, Version, Step, Link, Note, AttestedBy, ReadRoles(AttesterRoles), AttestedAt);
    }
}
