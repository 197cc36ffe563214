using System.Text.Json.Nodes;
using Steward.Artifacts;
using Steward.Audit;
using Steward.Errors;
using Steward.Identity;
using Steward.Paging;
using Steward.Tracking.Search;

namespace Steward.Tracking;

/// <summary>Experiments: create, read, search, rename, delete and restore, and their tags.</summary>
public sealed partial class TrackingService
{
    /// <summary>
    /// Creates an experiment in <paramref name="domain"/>, else in the domain its
    /// <c>steward.domain</c> tag names (how MLflow clients choose), else in the caller's default domain.
    /// </summary>
    public async Task<string> CreateExperimentAsync(string? name, string? artifactLocation, IReadOnlyList<Tag>? tags, string? domain, CancellationToken cancellationToken)
    {
        var (requested, field, checkedTags) = DomainRequest(domain, tags);
        var chosen = await access.ChooseDomainAsync(Permission.WriteTracking, AuditActions.ExperimentCreate, requested, field, cancellationToken);
        Validation.Required(name, "name");
        Validation.MaxLength(name, Limits.MaxExperimentNameLength, "name");
        foreach (var tag in checkedTags) CheckExperimentTag(tag);
        await ArtifactLocations.CheckNewAsync(artifactLocation, cancellationToken);
        var change = Change(
            AuditActions.ExperimentCreate,
            AuditResources.Experiment(""),
            new() { ["name"] = name, ["artifact_location"] = artifactLocation, ["tags"] = TagsPayload(checkedTags), ["domain"] = chosen },
            result => result is string id ? AuditResources.Experiment(id) : null);
        return await store.CreateExperimentAsync(change, name!, string.IsNullOrEmpty(artifactLocation) ? null : artifactLocation, DefaultArtifactRoot, chosen, checkedTags, Now, cancellationToken);
    }

    public async Task<Experiment> GetExperimentAsync(string? experimentId, CancellationToken cancellationToken)
    {
        Validation.Required(experimentId, "experiment_id");
        return await store.GetExperimentAsync(experimentId!, cancellationToken)
            ?? throw StewardException.NotFound($"No Experiment with id={experimentId} exists");
    }

    public async Task<Experiment> GetExperimentByNameAsync(string? name, CancellationToken cancellationToken)
    {
        Validation.Required(name, "experiment_name");
        return await store.GetExperimentByNameAsync(name!, cancellationToken)
            ?? throw StewardException.NotFound($"Could not find experiment with name '{name}'");
    }

    public Task<Page<Experiment>> SearchExperimentsAsync(string? filter, IReadOnlyList<string>? orderBy, ViewType viewType, long? maxResults, string? pageToken, CancellationToken cancellationToken)
    {
        var query = new ExperimentQuery(
            SearchSyntax.ParseExperimentFilter(filter),
            SearchSyntax.ParseExperimentOrderBy(orderBy),
            viewType,
            Validation.MaxResults(maxResults, Limits.DefaultSearchExperimentsResults, Limits.MaxSearchExperimentsResults),
            PageToken.Decode(pageToken));
        return store.SearchExperimentsAsync(query, cancellationToken);
    }

    public async Task RenameExperimentAsync(string? experimentId, string? newName, CancellationToken cancellationToken)
    {
        var experiment = await GetExperimentAsync(experimentId, cancellationToken);
        await DemandAsync(experiment, AuditActions.ExperimentRename, cancellationToken);
        Validation.Required(newName, "new_name");
        Validation.MaxLength(newName, Limits.MaxExperimentNameLength, "new_name");
        RequireActive(experiment);
        var change = Change(AuditActions.ExperimentRename, AuditResources.Experiment(experiment.ExperimentId), new() { ["experiment_id"] = experiment.ExperimentId, ["new_name"] = newName });
        await store.RenameExperimentAsync(change, experiment.ExperimentId, newName!, Now, cancellationToken);
    }

    public async Task DeleteExperimentAsync(string? experimentId, CancellationToken cancellationToken)
    {
        var experiment = await GetExperimentAsync(experimentId, cancellationToken);
        await DemandAsync(experiment, AuditActions.ExperimentDelete, cancellationToken);
        if (experiment.ExperimentId == "0")
        {
            throw StewardException.Invalid("Cannot delete the default experiment '0'. This is an internally reserved experiment.");
        }

        var change = Change(AuditActions.ExperimentDelete, AuditResources.Experiment(experiment.ExperimentId), new() { ["experiment_id"] = experiment.ExperimentId });
        await store.SetExperimentLifecycleAsync(change, experiment.ExperimentId, LifecycleStage.Deleted, Now, cancellationToken);
    }

    public async Task RestoreExperimentAsync(string? experimentId, CancellationToken cancellationToken)
    {
        var experiment = await GetExperimentAsync(experimentId, cancellationToken);
        await DemandAsync(experiment, AuditActions.ExperimentRestore, cancellationToken);
        var change = Change(AuditActions.ExperimentRestore, AuditResources.Experiment(experiment.ExperimentId), new() { ["experiment_id"] = experiment.ExperimentId });
        await store.SetExperimentLifecycleAsync(change, experiment.ExperimentId, LifecycleStage.Active, Now, cancellationToken);
    }

    /// <summary>Sets a tag; the <c>steward.domain</c> tag is no tag but a request to move the experiment (<see cref="SetExperimentDomainAsync"/>).</summary>
    public async Task SetExperimentTagAsync(string? experimentId, string? key, string? value, CancellationToken cancellationToken)
    {
        if (key == DomainNames.Tag)
        {
            await SetExperimentDomainAsync(experimentId, value, cancellationToken);
            return;
        }

        var experiment = await GetExperimentAsync(experimentId, cancellationToken);
        await DemandAsync(experiment, AuditActions.ExperimentSetTag, cancellationToken);
        var tag = new Tag(key ?? "", Validation.Required(value, "value"));
        CheckExperimentTag(tag);
        RequireActive(experiment);
        var change = Change(AuditActions.ExperimentSetTag, AuditResources.Experiment(experiment.ExperimentId), new() { ["experiment_id"] = experiment.ExperimentId, ["key"] = tag.Key, ["value"] = tag.Value });
        await store.SetExperimentTagAsync(change, experiment.ExperimentId, tag, Now, cancellationToken);
    }

    public async Task DeleteExperimentTagAsync(string? experimentId, string? key, CancellationToken cancellationToken)
    {
        var experiment = await GetExperimentAsync(experimentId, cancellationToken);
        await DemandAsync(experiment, AuditActions.ExperimentDeleteTag, cancellationToken);
        Validation.Required(key, "key");
        if (key == DomainNames.Tag) throw DomainTagIsNoTag("experiment");
        RequireActive(experiment);
        var change = Change(AuditActions.ExperimentDeleteTag, AuditResources.Experiment(experiment.ExperimentId), new() { ["experiment_id"] = experiment.ExperimentId, ["key"] = key });
        await store.DeleteExperimentTagAsync(change, experiment.ExperimentId, key!, Now, cancellationToken);
    }

    internal static void RequireActive(Experiment experiment)
    {
        if (experiment.LifecycleStage != LifecycleStage.Active)
        {
            throw StewardException.Invalid($"The experiment {experiment.ExperimentId} must be in the 'active' state. Current state is deleted.");
        }
    }

    private static void CheckExperimentTag(Tag tag)
    {
        Validation.EntityKey(tag.Key, "tag");
        Validation.MaxLength(tag.Value, Limits.MaxExperimentTagValueLength, $"tag '{tag.Key}' value");
    }
}
