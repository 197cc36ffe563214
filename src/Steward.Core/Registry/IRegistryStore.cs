using Steward.Audit;
using Steward.Paging;
using Steward.Tracking;

namespace Steward.Registry;

/// <summary>
/// Where registered models, their versions, tags and aliases live.
/// </summary>
/// <remarks>
/// Every method is one transaction; every write takes the <see cref="AuditedChange"/> whose
/// ledger entry it appends in that transaction. Missing models or versions throw
/// <see cref="Errors.StewardException"/> with ResourceDoesNotExist; a duplicate name throws
/// ResourceAlreadyExists. Deleted versions are gone for readers (their numbers are not reused).
/// </remarks>
public interface IRegistryStore
{
    Task<RegisteredModel> CreateRegisteredModelAsync(AuditedChange change, string name, string description, IReadOnlyList<Tag> tags, string userId, string domain, long now, CancellationToken cancellationToken);

    /// <summary>The domain a model (and so its versions) belongs to, or null when there is no such model.</summary>
    Task<string?> GetModelDomainAsync(string name, CancellationToken cancellationToken);

    /// <summary>Moves a model with its versions to another domain.</summary>
    Task<RegisteredModel> SetModelDomainAsync(AuditedChange change, string name, string domain, long now, CancellationToken cancellationToken);

    Task<RegisteredModel?> GetRegisteredModelAsync(string name, CancellationToken cancellationToken);

    /// <summary>
    /// The names that stand for the same model as <paramref name="name"/> in the ledger: every
    /// name a model that ever held <paramref name="name"/> has had (deleted models too), and so
    /// on for those names' holders; always <paramref name="name"/> itself.
    /// </summary>
    Task<IReadOnlyList<string>> ListNameFamilyAsync(string name, CancellationToken cancellationToken);

    /// <summary>Renames a model; its versions follow.</summary>
    Task<RegisteredModel> RenameRegisteredModelAsync(AuditedChange change, string name, string newName, long now, CancellationToken cancellationToken);

    Task<RegisteredModel> UpdateRegisteredModelAsync(AuditedChange change, string name, string description, long now, CancellationToken cancellationToken);

    /// <summary>Deletes a model with its versions, tags and aliases.</summary>
    Task DeleteRegisteredModelAsync(AuditedChange change, string name, CancellationToken cancellationToken);

    Task SetRegisteredModelTagAsync(AuditedChange change, string name, Tag tag, long now, CancellationToken cancellationToken);

    Task DeleteRegisteredModelTagAsync(AuditedChange change, string name, string key, long now, CancellationToken cancellationToken);

    Task<Page<RegisteredModel>> SearchRegisteredModelsAsync(RegistryQuery query, CancellationToken cancellationToken);

    /// <summary>The newest version in each stage (or in the given stages).</summary>
    Task<IReadOnlyList<ModelVersion>> GetLatestVersionsAsync(string name, IReadOnlyList<ModelStage> stages, CancellationToken cancellationToken);

    /// <summary>Adds a version numbered one more than the highest ever used for the model.</summary>
    Task<ModelVersion> CreateModelVersionAsync(AuditedChange change, NewModelVersion version, CancellationToken cancellationToken);

    Task<ModelVersion?> GetModelVersionAsync(string name, int version, CancellationToken cancellationToken);

    Task<ModelVersion> UpdateModelVersionAsync(AuditedChange change, string name, int version, string description, long now, CancellationToken cancellationToken);

    /// <summary>Deletes a version and the aliases that pointed at it.</summary>
    Task DeleteModelVersionAsync(AuditedChange change, string name, int version, long now, CancellationToken cancellationToken);

    Task SetModelVersionTagAsync(AuditedChange change, string name, int version, Tag tag, long now, CancellationToken cancellationToken);

    Task DeleteModelVersionTagAsync(AuditedChange change, string name, int version, string key, long now, CancellationToken cancellationToken);

    Task<Page<ModelVersion>> SearchModelVersionsAsync(RegistryQuery query, CancellationToken cancellationToken);

    /// <summary>Moves a version to a stage; with <c>archiveExisting</c>, others in that stage become Archived.</summary>
    Task<ModelVersion> TransitionStageAsync(AuditedChange change, string name, int version, ModelStage stage, bool archiveExisting, long now, CancellationToken cancellationToken);

    Task SetAliasAsync(AuditedChange change, string name, string alias, int version, long now, CancellationToken cancellationToken);

    Task DeleteAliasAsync(AuditedChange change, string name, string alias, long now, CancellationToken cancellationToken);

    /// <summary>The version an alias points at, or null when the model has no such alias.</summary>
    Task<int?> ResolveAliasAsync(string name, string alias, CancellationToken cancellationToken);
}
