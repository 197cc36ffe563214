namespace Steward.Governance.ModelCards;

/// <summary>Where model card revisions live. Writes run inside the caller's audit scope.</summary>
public interface IModelCardStore
{
    /// <summary>
    /// Stores <paramref name="card"/> as revision <see cref="ModelCard.Revision"/>, which must be one past
    /// the newest stored (ResourceAlreadyExists otherwise: someone else edited first);
    /// ResourceDoesNotExist when the model version does not exist.
    /// </summary>
    Task<ModelCard> AddRevisionAsync(ModelCard card, CancellationToken cancellationToken);

    /// <summary>One revision, or the newest when <paramref name="revision"/> is null; null when none is stored.</summary>
    Task<ModelCard?> GetAsync(string modelName, int version, int? revision, CancellationToken cancellationToken);

    /// <summary>Every stored revision, oldest first.</summary>
    Task<IReadOnlyList<ModelCard>> ListAsync(string modelName, int version, CancellationToken cancellationToken);
}
