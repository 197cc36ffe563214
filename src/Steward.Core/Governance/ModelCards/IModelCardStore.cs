using Steward.Audit;

namespace Steward.Governance.ModelCards;

/// <summary>Where model card revisions live. Each write appends the ledger entry of the <see cref="AuditedChange"/> it is given, in its transaction.</summary>
public interface IModelCardStore
{
    /// <summary>
    /// Stores <paramref name="card"/> as revision <see cref="ModelCard.Revision"/>, which must be one past
    /// the newest stored (ResourceAlreadyExists otherwise: someone else edited first);
    /// ResourceDoesNotExist when the model version does not exist.
    /// </summary>
    Task<ModelCard> AddRevisionAsync(AuditedChange change, ModelCard card, CancellationToken cancellationToken);

    /// <summary>One revision, or the newest when <paramref name="revision"/> is null; null when none is stored.</summary>
    Task<ModelCard?> GetAsync(string modelName, int version, int? revision, CancellationToken cancellationToken);

    /// <summary>Every stored revision, oldest first.</summary>
    Task<IReadOnlyList<ModelCard>> ListAsync(string modelName, int version, CancellationToken cancellationToken);
}
