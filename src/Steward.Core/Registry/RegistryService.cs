using System.Globalization;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using Steward.Audit;
using Steward.Errors;
using Steward.Identity;
using Steward.Paging;
using Steward.Tracking;
using Steward.Tracking.Search;

namespace Steward.Registry;

/// <summary>
/// The model registry as both APIs see it. Every write needs its permission in the model's
/// domain. Stage and alias changes all go through <see cref="ApplyAsync"/>, which asks the
/// <see cref="IVersionChangeGate"/> first.
/// </summary>
public sealed partial class RegistryService(
    IRegistryStore store, ITrackingStore runs, IVersionChangeGate gate, IGateTransaction transaction, TimeProvider clock, ICurrentActor actor, AccessControl access)
{
    [GeneratedRegex(@"^v\d+$", RegexOptions.IgnoreCase)]
    private static partial Regex ReservedVersionAlias();

    private long Now => clock.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>
    /// Creates a model in <paramref name="domain"/>, else in the domain its <c>steward.domain</c>
    /// tag names, else in the caller's default domain. Its user is the authenticated actor.
    /// </summary>
    public async Task<RegisteredModel> CreateRegisteredModelAsync(string? name, string? description, IReadOnlyList<Tag>? tags, string? domain, CancellationToken cancellationToken)
    {
        var (requested, field, checkedTags) = TrackingService.DomainRequest(domain, tags);
        var chosen = await access.ChooseDomainAsync(Permission.WriteRegistry, AuditActions.RegisteredModelCreate, requested, field, cancellationToken);
        CheckModelName(name, "name");
        foreach (var tag in checkedTags) CheckTag(tag);
        var audit = Audit(AuditActions.RegisteredModelCreate, AuditResources.RegisteredModel(name!), new()
        {
            ["name"] = name, ["description"] = description, ["tags"] = TrackingService.TagsPayload(checkedTags), ["user_id"] = actor.Name, ["domain"] = chosen,
        });
        return await store.CreateRegisteredModelAsync(audit, name!, description ?? "", checkedTags, actor.Name, chosen, Now, cancellationToken);
    }

    public async Task<RegisteredModel> GetRegisteredModelAsync(string? name, CancellationToken cancellationToken)
    {
        Validation.Required(name, "name");
        return await store.GetRegisteredModelAsync(name!, cancellationToken)
            ?? throw StewardException.NotFound($"Registered Model with name={name} not found");
    }

    /// <summary>The names the ledger may know a model by (<see cref="IRegistryStore.ListNameFamilyAsync"/>); no permission needed, like any read.</summary>
    public Task<IReadOnlyList<string>> ListNameFamilyAsync(string name, CancellationToken cancellationToken) => store.ListNameFamilyAsync(name, cancellationToken);

    public async Task<RegisteredModel> RenameRegisteredModelAsync(string? name, string? newName, CancellationToken cancellationToken)
    {
        Validation.Required(name, "name");
        await DemandModelAsync(Permission.WriteRegistry, name!, AuditActions.RegisteredModelRename, cancellationToken);
        CheckModelName(newName, "new_name");
        var audit = Audit(AuditActions.RegisteredModelRename, AuditResources.RegisteredModel(name!), new() { ["name"] = name, ["new_name"] = newName });
        return await store.RenameRegisteredModelAsync(audit, name!, newName!, Now, cancellationToken);
    }

    public async Task<RegisteredModel> UpdateRegisteredModelAsync(string? name, string? description, CancellationToken cancellationToken)
    {
        Validation.Required(name, "name");
        await DemandModelAsync(Permission.WriteRegistry, name!, AuditActions.RegisteredModelUpdate, cancellationToken);
        var audit = Audit(AuditActions.RegisteredModelUpdate, AuditResources.RegisteredModel(name!), new() { ["name"] = name, ["description"] = description });
        return await store.UpdateRegisteredModelAsync(audit, name!, description ?? "", Now, cancellationToken);
    }

    public async Task DeleteRegisteredModelAsync(string? name, CancellationToken cancellationToken)
    {
        Validation.Required(name, "name");
        await DemandModelAsync(Permission.WriteRegistry, name!, AuditActions.RegisteredModelDelete, cancellationToken);
        var audit = Audit(AuditActions.RegisteredModelDelete, AuditResources.RegisteredModel(name!), new() { ["name"] = name });
        await store.DeleteRegisteredModelAsync(audit, name!, cancellationToken);
    }

    /// <summary>Sets a tag; the <c>steward.domain</c> tag is no tag but a request to move the model (<see cref="SetModelDomainAsync"/>).</summary>
    public async Task SetRegisteredModelTagAsync(string? name, string? key, string? value, CancellationToken cancellationToken)
    {
        Validation.Required(name, "name");
        if (key == DomainNames.Tag)
        {
            await SetModelDomainAsync(name, value, cancellationToken);
            return;
        }

        await DemandModelAsync(Permission.WriteRegistry, name!, AuditActions.RegisteredModelSetTag, cancellationToken);
        var tag = new Tag(key ?? "", value ?? throw StewardException.Invalid("Missing value for required parameter 'value'."));
        CheckTag(tag);
        var audit = Audit(AuditActions.RegisteredModelSetTag, AuditResources.RegisteredModel(name!), new() { ["name"] = name, ["key"] = tag.Key, ["value"] = tag.Value });
        await store.SetRegisteredModelTagAsync(audit, name!, tag, Now, cancellationToken);
    }

    public async Task DeleteRegisteredModelTagAsync(string? name, string? key, CancellationToken cancellationToken)
    {
        Validation.Required(name, "name");
        Validation.Required(key, "key");
        if (key == DomainNames.Tag) throw TrackingService.DomainTagIsNoTag("model");
        await DemandModelAsync(Permission.WriteRegistry, name!, AuditActions.RegisteredModelDeleteTag, cancellationToken);
        var audit = Audit(AuditActions.RegisteredModelDeleteTag, AuditResources.RegisteredModel(name!), new() { ["name"] = name, ["key"] = key });
        await store.DeleteRegisteredModelTagAsync(audit, name!, key!, Now, cancellationToken);
    }

    public Task<Page<RegisteredModel>> SearchRegisteredModelsAsync(string? filter, IReadOnlyList<string>? orderBy, long? maxResults, string? pageToken, CancellationToken cancellationToken)
    {
        var query = new RegistryQuery(
            SearchSyntax.ParseRegisteredModelFilter(filter),
            SearchSyntax.ParseRegisteredModelOrderBy(orderBy),
            Validation.MaxResults(maxResults, Limits.DefaultSearchModelsResults, Limits.MaxSearchModelsResults),
            PageToken.Decode(pageToken));
        return store.SearchRegisteredModelsAsync(query, cancellationToken);
    }

    public async Task<IReadOnlyList<ModelVersion>> GetLatestVersionsAsync(string? name, IReadOnlyList<string>? stages, CancellationToken cancellationToken)
    {
        var model = await GetRegisteredModelAsync(name, cancellationToken);
        var parsed = (stages ?? []).Select(ModelStages.Parse).Distinct().ToList();
        return await store.GetLatestVersionsAsync(model.Name, parsed, cancellationToken);
    }

    /// <summary>Adds a version to a model; its user is the authenticated actor, whatever user the client claims.</summary>
    public async Task<ModelVersion> CreateModelVersionAsync(string? name, string? source, string? runId, IReadOnlyList<Tag>? tags, string? runLink, string? description, CancellationToken cancellationToken)
    {
        Validation.Required(name, "name");
        await DemandModelAsync(Permission.WriteRegistry, name!, AuditActions.ModelVersionCreate, cancellationToken);
        Validation.Required(source, "source");
        CheckSource(source!);
        foreach (var tag in tags ?? []) CheckTag(tag);
        if (!string.IsNullOrEmpty(runId) && await runs.GetRunAsync(runId, cancellationToken) is null)
        {
            throw StewardException.NotFound($"Run with id={runId} not found");
        }

        var version = new NewModelVersion(name!, source!, string.IsNullOrEmpty(runId) ? null : runId, tags ?? [], runLink ?? "", description ?? "", actor.Name, Now);
        var audit = Audit(
            AuditActions.ModelVersionCreate,
            AuditResources.RegisteredModel(name!),
            new()
            {
                ["name"] = name, ["source"] = source, ["run_id"] = version.RunId, ["tags"] = TrackingService.TagsPayload(tags),
                ["run_link"] = runLink, ["description"] = description, ["user_id"] = actor.Name,
            },
            result => result is ModelVersion created ? AuditResources.ModelVersion(created.Name, created.Version) : null);
        return await store.CreateModelVersionAsync(audit, version, cancellationToken);
    }

    public async Task<ModelVersion> GetModelVersionAsync(string? name, string? version, CancellationToken cancellationToken)
    {
        Validation.Required(name, "name");
        var number = ParseVersion(version);
        return await store.GetModelVersionAsync(name!, number, cancellationToken)
            ?? throw StewardException.NotFound($"Model Version (name={name}, version={number}) not found");
    }

    public async Task<ModelVersion> UpdateModelVersionAsync(string? name, string? version, string? description, CancellationToken cancellationToken)
    {
        Validation.Required(name, "name");
        var number = ParseVersion(version);
        await DemandModelAsync(Permission.WriteRegistry, name!, AuditActions.ModelVersionUpdate, cancellationToken);
        var audit = AuditVersion(AuditActions.ModelVersionUpdate, name!, number, new() { ["description"] = description });
        return await store.UpdateModelVersionAsync(audit, name!, number, description ?? "", Now, cancellationToken);
    }

    public async Task DeleteModelVersionAsync(string? name, string? version, CancellationToken cancellationToken)
    {
        Validation.Required(name, "name");
        var number = ParseVersion(version);
        await DemandModelAsync(Permission.WriteRegistry, name!, AuditActions.ModelVersionDelete, cancellationToken);
        var audit = AuditVersion(AuditActions.ModelVersionDelete, name!, number, []);
        await store.DeleteModelVersionAsync(audit, name!, number, Now, cancellationToken);
    }

    public async Task SetModelVersionTagAsync(string? name, string? version, string? key, string? value, CancellationToken cancellationToken)
    {
        Validation.Required(name, "name");
        await DemandModelAsync(Permission.WriteRegistry, name!, AuditActions.ModelVersionSetTag, cancellationToken);
        var tag = new Tag(key ?? "", value ?? throw StewardException.Invalid("Missing value for required parameter 'value'."));
        CheckTag(tag);
        var number = ParseVersion(version);
        var audit = AuditVersion(AuditActions.ModelVersionSetTag, name!, number, new() { ["key"] = tag.Key, ["value"] = tag.Value });
        await store.SetModelVersionTagAsync(audit, name!, number, tag, Now, cancellationToken);
    }

    public async Task DeleteModelVersionTagAsync(string? name, string? version, string? key, CancellationToken cancellationToken)
    {
        Validation.Required(name, "name");
        var number = ParseVersion(version);
        Validation.Required(key, "key");
        await DemandModelAsync(Permission.WriteRegistry, name!, AuditActions.ModelVersionDeleteTag, cancellationToken);
        var audit = AuditVersion(AuditActions.ModelVersionDeleteTag, name!, number, new() { ["key"] = key });
        await store.DeleteModelVersionTagAsync(audit, name!, number, key!, Now, cancellationToken);
    }

    public Task<Page<ModelVersion>> SearchModelVersionsAsync(string? filter, IReadOnlyList<string>? orderBy, long? maxResults, string? pageToken, CancellationToken cancellationToken)
    {
        var query = new RegistryQuery(
            SearchSyntax.ParseModelVersionFilter(filter),
            SearchSyntax.ParseModelVersionOrderBy(orderBy),
            Validation.MaxResults(maxResults, Limits.DefaultSearchVersionsResults, Limits.MaxSearchVersionsResults),
            PageToken.Decode(pageToken));
        return store.SearchModelVersionsAsync(query, cancellationToken);
    }

    public async Task<ModelVersion> GetModelVersionByAliasAsync(string? name, string? alias, CancellationToken cancellationToken)
    {
        Validation.Required(name, "name");
        Validation.Required(alias, "alias");
        var version = await store.ResolveAliasAsync(name!, alias!, cancellationToken)
            ?? throw StewardException.Invalid($"Registered model alias {alias} not found.");
        return await GetModelVersionAsync(name, version.ToString(CultureInfo.InvariantCulture), cancellationToken);
    }

    /// <summary>
    /// The one way a version's stage or aliases change: the gate sees every change first and may
    /// refuse it. Returns the version as it stands afterwards.
    /// </summary>
    public async Task<ModelVersion> ApplyAsync(VersionChange change, CancellationToken cancellationToken)
    {
        Validation.Required(change.Name, "name");
        await DemandModelAsync(Permission.ChangeStage, change.Name, change is StageTransition ? AuditActions.ModelVersionTransitionStage
            : change is AliasAssignment ? AuditActions.RegisteredModelSetAlias : AuditActions.RegisteredModelDeleteAlias, cancellationToken);
        var target = change switch
        {
            StageTransition t => t.Version,
            AliasAssignment a => CheckAlias(a.Alias, a.Version),
            AliasRemoval r => await store.ResolveAliasAsync(r.Name, Validation.Required(r.Alias, "alias"), cancellationToken)
                ?? throw StewardException.Invalid($"Registered model alias {r.Alias} not found."),
            _ => throw new ArgumentOutOfRangeException(nameof(change)),
        };

        // The gate reads the evidence and the store writes in one transaction under the model's
        // lock, so no approval, rejection or audit can land between the verdict and the change.
        return await transaction.RunAsync(change.Name, async () =>
        {
            var current = await GetModelVersionAsync(change.Name, target.ToString(CultureInfo.InvariantCulture), cancellationToken);
            await gate.CheckAsync(change, current, cancellationToken);
            var audit = AuditChange(change, target);
            switch (change)
            {
                case StageTransition t:
                    return await store.TransitionStageAsync(audit, t.Name, t.Version, t.Stage, t.ArchiveExistingVersions, Now, cancellationToken);
                case AliasAssignment a:
                    await store.SetAliasAsync(audit, a.Name, a.Alias, a.Version, Now, cancellationToken);
                    break;
                case AliasRemoval r:
                    await store.DeleteAliasAsync(audit, r.Name, r.Alias, Now, cancellationToken);
                    break;
            }

            return await GetModelVersionAsync(change.Name, target.ToString(CultureInfo.InvariantCulture), cancellationToken);
        }, cancellationToken);
    }

    /// <summary>Parses a version number given as text, as both APIs receive it.</summary>
    public static int ParseVersion(string? version)
    {
        Validation.Required(version, "version");
        if (!int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
        {
            throw StewardException.Invalid($"Parameter 'version' must be a positive integer, got '{version}'.");
        }

        return number;
    }

    private static int CheckAlias(string alias, int version)
    {
        Validation.Required(alias, "alias");
        Validation.MaxLength(alias, Limits.MaxAliasLength, "alias");
        if (alias.Equals("latest", StringComparison.OrdinalIgnoreCase) || ReservedVersionAlias().IsMatch(alias))
        {
            throw StewardException.Invalid($"'{alias}' alias name (case insensitive) is reserved.");
        }

        return version;
    }

    private static void CheckModelName(string? name, string field)
    {
        Validation.Required(name, field);
        Validation.MaxLength(name, Limits.MaxModelNameLength, field);
    }

    private static void CheckTag(Tag tag)
    {
        Validation.EntityKey(tag.Key, "tag");
        Validation.MaxLength(tag.Value, Limits.MaxRegistryTagValueLength, $"tag '{tag.Key}' value");
    }

    private static void CheckSource(string source)
    {
        var path = source.Contains("://", StringComparison.Ordinal) ? source[(source.IndexOf("://", StringComparison.Ordinal) + 3)..] : source;
        if (path.Replace('\\', '/').Split('/').Contains(".."))
        {
            throw StewardException.Invalid($"Invalid model version source: '{source}'. Path must not contain '..' segments.");
        }
    }
}
