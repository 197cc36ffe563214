using Steward.Audit;
using Steward.Governance;
using Steward.Governance.Lifecycle;
using Steward.Identity;
using Steward.Storage.Sql;

namespace Steward.Storage.Governance;

/// <summary>Approvals, waivers, attestations and stage history on SQLite or PostgreSQL; role lists are JSON text.</summary>
internal sealed class SqlLifecycleStore(SqlDatabase database) : ILifecycleStore
{
    // SQL rule: statements that differ by dialect, or run past a few lines, live in the .sql files beside
    // this store (GovernanceSql, SqlText); short statements that every dialect reads alike stay inline.

    public Task<Approval> AddApprovalAsync(AuditedChange change, Approval approval, CancellationToken cancellationToken) =>
        database.WriteAsync(change, async session =>
        {
            var modelId = await ModelKeys.LockVersionAsync(session, approval.ModelName, approval.Version);
            var id = await session.ScalarAsync<long>(GovernanceSql.Get(session, "insert_approval"),
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
            (await session.QueryAsync<ApprovalRow>(GovernanceSql.Get(session, "list_approvals"), new { modelName, version })).Select(r => r.ToApproval()).ToList(), cancellationToken);

    public Task<Waiver> AddWaiverAsync(AuditedChange change, Waiver waiver, CancellationToken cancellationToken) =>
        database.WriteAsync(change, async session =>
        {
            var modelId = await ModelKeys.LockVersionAsync(session, waiver.ModelName, waiver.Version);
            var id = await session.ScalarAsync<long>(GovernanceSql.Get(session, "insert_waiver"), new { modelId, waiver.Version, waiver.Step, waiver.Reason, waiver.ExpiresAt, waiver.WaivedBy, waiver.WaivedAt });
            return waiver with { Id = id };
        }, cancellationToken);

    public Task<IReadOnlyList<Waiver>> ListWaiversAsync(string modelName, int version, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<Waiver>>(async session =>
            (await session.QueryAsync<WaiverRow>(GovernanceSql.Get(session, "list_waivers"), new { modelName, version })).Select(r => new Waiver(r.WaiverId, r.ModelName, r.Version, r.Step, r.Reason, r.ExpiresAt, r.WaivedBy, r.WaivedAt)).ToList(),
            cancellationToken);

    public Task<Attestation> AddAttestationAsync(AuditedChange change, Attestation attestation, CancellationToken cancellationToken) =>
        database.WriteAsync(change, async session =>
        {
            var modelId = await ModelKeys.LockVersionAsync(session, attestation.ModelName, attestation.Version);
            var id = await session.ScalarAsync<long>(GovernanceSql.Get(session, "insert_attestation"),
                new
                {
                    modelId, attestation.Version, attestation.Step, attestation.Link, attestation.Note, attestation.AttestedBy,
                    roles = StoredJson.Write(attestation.AttesterRoles.Select(Roles.Name)), attestation.AttestedAt,
                });
            return attestation with { Id = id };
        }, cancellationToken);

    public Task<IReadOnlyList<Attestation>> ListAttestationsAsync(string modelName, int version, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<Attestation>>(async session =>
            (await session.QueryAsync<AttestationRow>(GovernanceSql.Get(session, "list_attestations"), new { modelName, version })).Select(r => r.ToAttestation()).ToList(), cancellationToken);

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
