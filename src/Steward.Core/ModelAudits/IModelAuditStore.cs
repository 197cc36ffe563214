using Steward.Audit;

namespace Steward.ModelAudits;

/// <summary>
/// Where model audits are kept. A write takes the operation's <see cref="AuditedChange"/> and
/// appends its ledger entry in the same transaction, like every write.
/// </summary>
public interface IModelAuditStore
{
    /// <summary>Records an audit, stamped with the store's clock; fails with <c>ResourceDoesNotExist</c> if the model version does not exist.</summary>
    Task<ModelAudit> AddAsync(AuditedChange change, NewModelAudit audit, string createdBy, CancellationToken cancellationToken = default);

    /// <summary>One audit by id, or null.</summary>
    Task<ModelAudit?> GetAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>A version's audits, newest first, optionally of one kind.</summary>
    Task<IReadOnlyList<ModelAudit>> ListAsync(string modelName, int version, ModelAuditKind? kind = null, CancellationToken cancellationToken = default);
}
