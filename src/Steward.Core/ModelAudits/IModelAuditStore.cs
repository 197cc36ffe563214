namespace Steward.ModelAudits;

/// <summary>Where model audits are kept. Writes run inside the caller's audit scope, like every write.</summary>
public interface IModelAuditStore
{
    /// <summary>Records an audit; fails with <c>ResourceDoesNotExist</c> if the model version does not exist.</summary>
    Task<ModelAudit> AddAsync(NewModelAudit audit, string createdBy, CancellationToken cancellationToken = default);

    /// <summary>One audit by id, or null.</summary>
    Task<ModelAudit?> GetAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>A version's audits, newest first, optionally of one kind.</summary>
    Task<IReadOnlyList<ModelAudit>> ListAsync(string modelName, int version, ModelAuditKind? kind = null, CancellationToken cancellationToken = default);
}
