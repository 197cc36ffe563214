using Steward.Audit;

namespace Steward.Governance.Lifecycle;

/// <summary>
/// Where approvals, waivers and attestations live, keyed by the model (they follow a rename)
/// and version. Rows are only ever added. Each write is one transaction, which appends the
/// ledger entry of the <see cref="AuditedChange"/> it is given, and fails with
/// ResourceDoesNotExist when the model version does not exist.
/// </summary>
public interface ILifecycleStore
{
    /// <summary>Records a decision; the store assigns its id.</summary>
    Task<Approval> AddApprovalAsync(AuditedChange change, Approval approval, CancellationToken cancellationToken);

    /// <summary>A version's decisions, oldest first.</summary>
    Task<IReadOnlyList<Approval>> ListApprovalsAsync(string modelName, int version, CancellationToken cancellationToken);

    /// <summary>Records a waiver; the store assigns its id.</summary>
    Task<Waiver> AddWaiverAsync(AuditedChange change, Waiver waiver, CancellationToken cancellationToken);

    /// <summary>A version's waivers, oldest first, expired ones included.</summary>
    Task<IReadOnlyList<Waiver>> ListWaiversAsync(string modelName, int version, CancellationToken cancellationToken);

    /// <summary>Records an attestation; the store assigns its id.</summary>
    Task<Attestation> AddAttestationAsync(AuditedChange change, Attestation attestation, CancellationToken cancellationToken);

    /// <summary>A version's attestations, oldest first.</summary>
    Task<IReadOnlyList<Attestation>> ListAttestationsAsync(string modelName, int version, CancellationToken cancellationToken);

    /// <summary>When the version first entered Staging (Unix milliseconds), or null if it never has since stage history was kept.</summary>
    Task<long?> FirstEnteredStagingAsync(string modelName, int version, CancellationToken cancellationToken);
}
