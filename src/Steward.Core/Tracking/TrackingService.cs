using System.Text.Json;
using System.Text.Json.Nodes;
using Steward.Artifacts;
using Steward.Audit;
using Steward.Errors;
using Steward.Identity;
using Steward.Paging;
using Steward.Tracking.Search;

namespace Steward.Tracking;

/// <summary>
/// Experiment tracking as both APIs see it: validates input, checks that the caller may write
/// in the domain of what it writes to, fills defaults (run names, ids, times) and turns "not
/// found" into errors, leaving atomic checks to the store.
/// </summary>
public sealed partial class TrackingService(ITrackingStore store, TimeProvider clock, ICurrentActor actor, AccessControl access)
{
    /// <summary>Experiments and runs store artifacts under this root (served by the artifact proxy).</summary>
    public const string DefaultArtifactRoot = "mlflow-artifacts:";

    /// <summary>The tag that mirrors a run's name, as MLflow keeps it.</summary>
    public const string RunNameTag = "mlflow.runName";

    /// <summary>The run tag naming who created the run, as MLflow's clients set it; Steward records the authenticated user there.</summary>
    public const string UserTag = "mlflow.user";

    /// <summary>The run tag holding the models a run logged: a JSON list of MLmodel documents, as MLflow keeps it.</summary>
    public const string LoggedModelHistoryTag = "mlflow.log-model.history";

    private long Now => clock.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Which experiment owns which folder of the served artifact store.</summary>
    internal ArtifactLocations ArtifactLocations { get; } = new(store);

    /// <summary>
    /// Creates a run. Its user (<c>user_id</c>, and the <c>mlflow.user</c> tag when the client sets
    /// one) is the authenticated actor, whatever user the client claims.
    /// </summary>
    public async Task<Run> CreateRunAsync(string? experimentId, string? runName, long? startTime, IReadOnlyList<Tag>? tags, CancellationToken cancellationToken)
    {
        // The experiment and the permission in its domain first, before anything the request sent is checked.
        var experiment = await GetExperimentAsync(string.IsNullOrEmpty(experimentId) ? "0" : experimentId, cancellationToken);
        await DemandAsync(experiment, AuditActions.RunCreate, cancellationToken);
        var runTags = (tags ?? []).ToList();
        foreach (var tag in runTags) CheckRunTag(tag);
        if (runTags.GroupBy(t => t.Key).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw StewardException.Invalid($"Duplicate tag key '{duplicate.Key}' in the run's tags");
        }

        // The name and the mlflow.runName tag are one value: take whichever was given.
        var tagName = runTags.FirstOrDefault(t => t.Key == RunNameTag)?.Value;
        if (!string.IsNullOrEmpty(runName) && !string.IsNullOrEmpty(tagName) && runName != tagName)
        {
            throw StewardException.Invalid($"Both 'run_name' ('{runName}') and the '{RunNameTag}' tag ('{tagName}') were given with different values.");
        }

        var name = !string.IsNullOrEmpty(runName) ? runName : !string.IsNullOrEmpty(tagName) ? tagName : RunNames.Generate();
        Validation.MaxLength(name, Limits.MaxRunTagValueLength, "run_name");
        runTags.RemoveAll(t => t.Key == RunNameTag);
        runTags.Add(new Tag(RunNameTag, name));
        // MLflow clients send their operating-system user here; it names the authenticated actor instead.
        var userTag = runTags.FindIndex(t => t.Key == UserTag);
        if (userTag >= 0) runTags[userTag] = new Tag(UserTag, actor.Name);

        RequireActive(experiment);
        var run = new NewRun(Guid.NewGuid().ToString("N"), experiment.ExperimentId, name, actor.Name, startTime ?? 0, runTags);
        var change = Change(AuditActions.RunCreate, AuditResources.Run(run.RunId), new()
        {
            ["experiment_id"] = run.ExperimentId,
            ["run_id"] = run.RunId,
            ["run_name"] = run.RunName,
            ["user_id"] = run.UserId,
            ["start_time"] = AuditPayload.Integer(run.StartTime),
            ["tags"] = TagsPayload(runTags),
        });
        return await store.CreateRunAsync(change, run, cancellationToken);
    }

    public async Task<Run> GetRunAsync(string? runId, CancellationToken cancellationToken)
    {
        Validation.Required(runId, "run_id");
        return await store.GetRunAsync(runId!, cancellationToken)
            ?? throw StewardException.NotFound($"Run with id={runId} not found");
    }

    public async Task<RunInfo> UpdateRunAsync(string? runId, RunStatus? status, long? endTime, string? runName, CancellationToken cancellationToken)
    {
        Validation.Required(runId, "run_id");
        await DemandRunAsync(runId!, AuditActions.RunUpdate, cancellationToken);
        Validation.MaxLength(runName, Limits.MaxRunTagValueLength, "run_name");
        var change = Change(AuditActions.RunUpdate, AuditResources.Run(runId!), new()
        {
            ["run_id"] = runId,
            ["status"] = status?.ToString(),
            ["end_time"] = endTime is { } end ? AuditPayload.Integer(end) : null,
            ["run_name"] = runName,
        });
        return await store.UpdateRunAsync(change, runId!, new RunUpdate(status, endTime, string.IsNullOrEmpty(runName) ? null : runName), cancellationToken);
    }

    public async Task DeleteRunAsync(string? runId, CancellationToken cancellationToken)
    {
        Validation.Required(runId, "run_id");
        await DemandRunAsync(runId!, AuditActions.RunDelete, cancellationToken);
        var change = Change(AuditActions.RunDelete, AuditResources.Run(runId!), new() { ["run_id"] = runId });
        await store.SetRunLifecycleAsync(change, runId!, LifecycleStage.Deleted, Now, cancellationToken);
    }

    public async Task RestoreRunAsync(string? runId, CancellationToken cancellationToken)
    {
        Validation.Required(runId, "run_id");
        await DemandRunAsync(runId!, AuditActions.RunRestore, cancellationToken);
        var change = Change(AuditActions.RunRestore, AuditResources.Run(runId!), new() { ["run_id"] = runId });
        await store.SetRunLifecycleAsync(change, runId!, LifecycleStage.Active, Now, cancellationToken);
    }

    public Task LogMetricAsync(string? runId, string? key, double? value, long? timestamp, long? step, CancellationToken cancellationToken)
    {
        if (value is null) Validation.Required(null, "value");
        if (timestamp is null) Validation.Required(null, "timestamp");
        return LogBatchAsync(runId, RunBatch.OfMetric(new Metric(key ?? "", value!.Value, timestamp!.Value, step ?? 0)), AuditActions.RunLogMetric, null, cancellationToken);
    }

    public Task LogParamAsync(string? runId, string? key, string? value, CancellationToken cancellationToken) =>
        LogBatchAsync(runId, RunBatch.OfParam(new Param(key ?? "", Validation.Required(value, "value"))), AuditActions.RunLogParam, null, cancellationToken);

    public Task SetTagAsync(string? runId, string? key, string? value, CancellationToken cancellationToken) =>
        LogBatchAsync(runId, RunBatch.OfTag(new Tag(key ?? "", value ?? throw StewardException.Invalid("Missing value for required parameter 'value'. See the API docs for more information about request parameters."))), AuditActions.RunSetTag, null, cancellationToken);

    /// <summary>Checks a batch against MLflow's limits and key rules, then writes it all or nothing.</summary>
    public Task LogBatchAsync(string? runId, RunBatch batch, CancellationToken cancellationToken) =>
        LogBatchAsync(runId, batch, AuditActions.RunLogBatch, null, cancellationToken);

    /// <summary>
    /// Writes a batch as <paramref name="action"/>, or as part of <paramref name="outer"/> when an
    /// operation built on a batch (logging a model) names the entry; the batch's own payload is
    /// written only when it names the entry itself.
    /// </summary>
    private async Task LogBatchAsync(string? runId, RunBatch batch, string action, AuditedChange? outer, CancellationToken cancellationToken)
    {
        Validation.Required(runId, "run_id");
        await DemandRunAsync(runId!, action, cancellationToken);
        BatchRules.Check(batch);
        if (batch.Count == 0) return;
        if (batch.Tags.Any(t => t.Key == UserTag)) await CheckUserTagAsync(runId!, batch.Tags, cancellationToken);
        var change = outer ?? AuditedChange.WithCanonical(actor, action, AuditResources.Run(runId!), BatchPayload(runId!, batch));
        await store.LogBatchAsync(change, runId!, batch, cancellationToken);
    }

    public async Task DeleteTagAsync(string? runId, string? key, CancellationToken cancellationToken)
    {
        Validation.Required(runId, "run_id");
        await DemandRunAsync(runId!, AuditActions.RunDeleteTag, cancellationToken);
        Validation.Required(key, "key");
        if (key == UserTag) throw StewardException.Invalid($"The tag '{UserTag}' records who created the run and cannot be deleted.");
        var change = Change(AuditActions.RunDeleteTag, AuditResources.Run(runId!), new() { ["run_id"] = runId, ["key"] = key });
        await store.DeleteRunTagAsync(change, runId!, key!, cancellationToken);
    }

    public async Task LogInputsAsync(string? runId, IReadOnlyList<DatasetInput>? inputs, CancellationToken cancellationToken)
    {
        Validation.Required(runId, "run_id");
        await DemandRunAsync(runId!, AuditActions.RunLogInputs, cancellationToken);
        var datasets = inputs ?? [];
        BatchRules.CheckInputs(datasets);
        if (datasets.Count == 0) return;
        var change = Change(AuditActions.RunLogInputs, AuditResources.Run(runId!), InputsPayload(runId!, datasets));
        await store.LogInputsAsync(change, runId!, datasets, cancellationToken);
    }

    /// <summary>
    /// Appends an MLmodel document (MLflow's <c>runs/log-model</c>) to the run's
    /// <see cref="LoggedModelHistoryTag"/>. Like MLflow, the whole history must fit in one tag value.
    /// </summary>
    public async Task RecordLoggedModelAsync(string? runId, string? modelJson, CancellationToken cancellationToken)
    {
        Validation.Required(runId, "run_id");
        Validation.Required(modelJson, "model_json");
        JsonObject model;
        try
        {
            model = JsonNode.Parse(modelJson!) as JsonObject ?? throw new JsonException();
        }
        catch (JsonException)
        {
            throw StewardException.Invalid($"Malformed model info. \n {modelJson} \n is not a valid JSON.");
        }

        var missing = new[] { "artifact_path", "flavors", "utc_time_created", "run_id" }.Where(field => !model.ContainsKey(field)).ToList();
        if (missing.Count > 0)
        {
            throw StewardException.Invalid($"Model json is missing mandatory fields: {{{string.Join(", ", missing.Select(m => $"'{m}'"))}}}");
        }

        var run = await GetRunAsync(runId, cancellationToken);
        await DemandRunAsync(run.Info.RunId, AuditActions.RunLogModel, cancellationToken);
        var change = Change(AuditActions.RunLogModel, AuditResources.Run(run.Info.RunId), new() { ["run_id"] = run.Info.RunId, ["model_json"] = modelJson });
        var previous = run.Data.Tags.FirstOrDefault(t => t.Key == LoggedModelHistoryTag)?.Value;
        var history = ParseHistory(previous);
        history.Add(model);
        await LogBatchAsync(run.Info.RunId, RunBatch.OfTag(new Tag(LoggedModelHistoryTag, history.ToJsonString())), AuditActions.RunLogBatch, change, cancellationToken);
    }

    private static JsonArray ParseHistory(string? value)
    {
        if (string.IsNullOrEmpty(value)) return [];
        try
        {
            // A tag someone set by hand to something other than a list starts a new history.
            return JsonNode.Parse(value) as JsonArray ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    public async Task<IReadOnlyList<Metric>> GetMetricHistoryAsync(string? runId, string? metricKey, CancellationToken cancellationToken)
    {
        Validation.Required(metricKey, "metric_key");
        var run = await GetRunAsync(runId, cancellationToken);
        return await store.GetMetricHistoryAsync(run.Info.RunId, metricKey!, cancellationToken);
    }

    public Task<Page<Run>> SearchRunsAsync(IReadOnlyList<string>? experimentIds, string? filter, IReadOnlyList<string>? orderBy, ViewType viewType, long? maxResults, string? pageToken, CancellationToken cancellationToken)
    {
        var query = new RunQuery(
            experimentIds ?? [],
            SearchSyntax.ParseRunFilter(filter),
            SearchSyntax.ParseRunOrderBy(orderBy),
            viewType,
            Validation.MaxResults(maxResults, Limits.DefaultSearchRunsResults, Limits.MaxSearchRunsResults),
            PageToken.Decode(pageToken));
        return store.SearchRunsAsync(query, cancellationToken);
    }

    internal static void CheckRunTag(Tag tag)
    {
        Validation.EntityKey(tag.Key, "tag");
        Validation.MaxLength(tag.Value, Limits.MaxRunTagValueLength, $"tag '{tag.Key}' value");
    }
}
