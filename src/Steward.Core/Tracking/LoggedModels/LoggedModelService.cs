using System.Text.Json.Nodes;
using Steward.Audit;
using Steward.Errors;
using Steward.Identity;
using Steward.Paging;

namespace Steward.Tracking.LoggedModels;

/// <summary>MLflow 3's logged models: created by a run, uploaded, then finalized. Writing one needs the write-tracking permission in its experiment's domain.</summary>
public sealed class LoggedModelService(ILoggedModelStore models, TrackingService tracking, TimeProvider clock, ICurrentActor actor, AccessControl access)
{
    private long Now => clock.GetUtcNow().ToUnixTimeMilliseconds();

    public async Task<LoggedModel> CreateLoggedModelAsync(
        string? experimentId, string? name, string? modelType, string? sourceRunId,
        IReadOnlyList<Param>? parameters, IReadOnlyList<Tag>? tags, CancellationToken cancellationToken)
    {
        var experiment = await tracking.GetExperimentAsync(experimentId, cancellationToken);
        TrackingService.RequireActive(experiment);
        foreach (var tag in tags ?? []) TrackingService.CheckRunTag(tag);
        foreach (var param in parameters ?? []) Validation.EntityKey(param.Key, "param");
        if (!string.IsNullOrEmpty(sourceRunId)) await tracking.GetRunAsync(sourceRunId, cancellationToken);

        var id = "m-" + Guid.NewGuid().ToString("N");
        await access.DemandInDomainAsync(Permission.WriteTracking, AuditActions.LoggedModelCreate, AuditResources.Experiment(experiment.ExperimentId), experiment.Domain, cancellationToken);
        var now = Now;
        var model = new LoggedModel(
            id,
            experiment.ExperimentId,
            string.IsNullOrEmpty(name) ? RunNames.Generate() : name,
            $"{experiment.ArtifactLocation}/models/{id}/artifacts",
            now,
            now,
            LoggedModelStatus.Pending,
            null,
            string.IsNullOrEmpty(modelType) ? null : modelType,
            string.IsNullOrEmpty(sourceRunId) ? null : sourceRunId,
            tags ?? [],
            parameters ?? []);
        var change = Change(AuditActions.LoggedModelCreate, id, new()
        {
            ["experiment_id"] = experiment.ExperimentId, ["model_id"] = id, ["name"] = model.Name, ["model_type"] = modelType,
            ["source_run_id"] = sourceRunId, ["params"] = AuditPayload.Pairs(parameters, p => p.Key, p => p.Value),
            ["tags"] = TrackingService.TagsPayload(tags),
        });
        await models.CreateLoggedModelAsync(change, model, cancellationToken);
        return model;
    }

    public async Task<LoggedModel> GetLoggedModelAsync(string? modelId, CancellationToken cancellationToken)
    {
        Validation.Required(modelId, "model_id");
        return await models.GetLoggedModelAsync(modelId!, cancellationToken)
            ?? throw StewardException.NotFound($"Logged model with ID '{modelId}' not found.");
    }

    public async Task<LoggedModel> FinalizeLoggedModelAsync(string? modelId, LoggedModelStatus? status, CancellationToken cancellationToken)
    {
        Validation.Required(modelId, "model_id");
        if (status is null or LoggedModelStatus.Pending)
        {
            throw StewardException.Invalid("Missing or invalid value for parameter 'status': a logged model is finalized as LOGGED_MODEL_READY or LOGGED_MODEL_UPLOAD_FAILED.");
        }

        await DemandAsync(modelId!, AuditActions.LoggedModelFinalize, cancellationToken);
        var change = Change(AuditActions.LoggedModelFinalize, modelId!, new() { ["model_id"] = modelId, ["status"] = status.Value.ToString() });
        return await models.FinalizeLoggedModelAsync(change, modelId!, status.Value, Now, cancellationToken);
    }

    public async Task DeleteLoggedModelAsync(string? modelId, CancellationToken cancellationToken)
    {
        Validation.Required(modelId, "model_id");
        await DemandAsync(modelId!, AuditActions.LoggedModelDelete, cancellationToken);
        var change = Change(AuditActions.LoggedModelDelete, modelId!, new() { ["model_id"] = modelId });
        await models.DeleteLoggedModelAsync(change, modelId!, Now, cancellationToken);
    }

    public async Task SetLoggedModelTagsAsync(string? modelId, IReadOnlyList<Tag>? tags, CancellationToken cancellationToken)
    {
        Validation.Required(modelId, "model_id");
        foreach (var tag in tags ?? []) TrackingService.CheckRunTag(tag);
        await DemandAsync(modelId!, AuditActions.LoggedModelSetTags, cancellationToken);
        var change = Change(AuditActions.LoggedModelSetTags, modelId!, new() { ["model_id"] = modelId, ["tags"] = TrackingService.TagsPayload(tags) });
        await models.SetLoggedModelTagsAsync(change, modelId!, tags ?? [], Now, cancellationToken);
    }

    public async Task DeleteLoggedModelTagAsync(string? modelId, string? key, CancellationToken cancellationToken)
    {
        Validation.Required(modelId, "model_id");
        Validation.Required(key, "tag_key");
        await DemandAsync(modelId!, AuditActions.LoggedModelDeleteTag, cancellationToken);
        var change = Change(AuditActions.LoggedModelDeleteTag, modelId!, new() { ["model_id"] = modelId, ["tag_key"] = key });
        await models.DeleteLoggedModelTagAsync(change, modelId!, key!, Now, cancellationToken);
    }

    public async Task LogLoggedModelParamsAsync(string? modelId, IReadOnlyList<Param>? parameters, CancellationToken cancellationToken)
    {
        Validation.Required(modelId, "model_id");
        BatchRules.Check(new RunBatch([], parameters ?? [], []));
        await DemandAsync(modelId!, AuditActions.LoggedModelLogParams, cancellationToken);
        var change = Change(AuditActions.LoggedModelLogParams, modelId!, new()
        {
            ["model_id"] = modelId, ["params"] = AuditPayload.Pairs(parameters, p => p.Key, p => p.Value),
        });
        await models.LogLoggedModelParamsAsync(change, modelId!, parameters ?? [], Now, cancellationToken);
    }

    /// <summary>Demands the write permission in the domain of the model's experiment.</summary>
    private Task DemandAsync(string modelId, string action, CancellationToken cancellationToken) =>
        access.DemandInDomainAsync(Permission.WriteTracking, action, AuditResources.LoggedModel(modelId), async token =>
            await models.GetLoggedModelAsync(modelId, token) is { } model ? (await tracking.GetExperimentAsync(model.ExperimentId, token)).Domain : null,
            cancellationToken);

    private AuditedChange Change(string action, string modelId, JsonObject payload) =>
        AuditedChange.Of(actor, action, AuditResources.LoggedModel(modelId), payload);

    public Task<Page<LoggedModel>> SearchLoggedModelsAsync(IReadOnlyList<string>? experimentIds, long? maxResults, string? pageToken, CancellationToken cancellationToken)
    {
        if (experimentIds is null || experimentIds.Count == 0) Validation.Required(null, "experiment_ids");
        var max = Validation.MaxResults(maxResults, Limits.DefaultSearchRunsResults, Limits.MaxSearchRunsResults);
        return models.SearchLoggedModelsAsync(experimentIds!, max, PageToken.Decode(pageToken), cancellationToken);
    }
}
