using Steward.Artifacts;
using Steward.Errors;
using Steward.Registry;
using Steward.Tracking;

namespace Steward.Server.NativeApi;

/// <summary>Core entities to wire records and back; the only place that spells enum values for the native API.</summary>
internal static class Mapping
{
    public static ExperimentDto ToDto(this Experiment e) =>
        new(e.ExperimentId, e.Name, e.ArtifactLocation, e.LifecycleStage.ToDto(), e.CreationTime, e.LastUpdateTime, ToMap(e.Tags), e.Domain);

    public static RunDto ToDto(this Run run)
    {
        var info = run.Info;
        return new RunDto(
            info.RunId,
            info.RunName,
            info.ExperimentId,
            info.UserId,
            info.Status.ToDto(),
            info.StartTime,
            info.EndTime,
            info.ArtifactUri,
            info.LifecycleStage.ToDto(),
            run.Data.Metrics.Select(ToDto).ToList(),
            run.Data.Params.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            ToMap(run.Data.Tags),
            run.Inputs.Select(i => new DatasetInputDto(
                new DatasetDto(i.Dataset.Name, i.Dataset.Digest, i.Dataset.SourceType, i.Dataset.Source, i.Dataset.Schema, i.Dataset.Profile),
                ToMap(i.Tags))).ToList());
    }

    public static MetricDto ToDto(this Metric m) => new(m.Key, m.Value, m.Timestamp, m.Step);

    public static ArtifactFileDto ToDto(this ArtifactFile f) => new(f.Path, f.IsDir, f.IsDir ? null : f.FileSize);

    public static RegisteredModelDto ToDto(this RegisteredModel m) => new(
        m.Name,
        m.CreationTimestamp,
        m.LastUpdatedTimestamp,
        m.UserId,
        m.Description,
        m.LatestVersions.Select(ToDto).ToList(),
        ToMap(m.Tags),
        m.Aliases.ToDictionary(a => a.Alias, a => a.Version, StringComparer.Ordinal),
        m.Domain);

    public static ModelVersionDto ToDto(this ModelVersion v) => new(
        v.Name,
        v.Version,
        v.CreationTimestamp,
        v.LastUpdatedTimestamp,
        v.UserId,
        v.CurrentStage.ToDto(),
        v.Description,
        v.Source,
        v.RunId,
        v.Status,
        v.StatusMessage,
        ToMap(v.Tags),
        v.RunLink,
        v.Aliases);

    public static IReadOnlyList<Tag> ToTags(IReadOnlyDictionary<string, string>? map) =>
        map is null ? [] : map.Select(kv => new Tag(kv.Key, kv.Value)).ToList();

    /// <summary>Builds a batch; points without a timestamp are stamped with the server's clock.</summary>
    public static RunBatch ToBatch(this LogBatchRequest request, long now)
    {
        var metrics = new List<Metric>(request.Metrics?.Count ?? 0);
        for (var i = 0; i < (request.Metrics?.Count ?? 0); i++)
        {
            var m = request.Metrics![i] ?? throw StewardException.Invalid($"'metrics[{i}]' must be an object, not null.");
            if (m.Value is null) throw StewardException.Invalid($"Missing value for required field 'metrics[{i}].value'.");
            metrics.Add(new Metric(m.Key ?? "", m.Value.Value, m.Timestamp ?? now, m.Step ?? 0));
        }

        var parameters = request.Params?.Select(kv => new Param(kv.Key, kv.Value ?? "")).ToList() ?? [];
        return new RunBatch(metrics, parameters, ToTags(request.Tags));
    }

    public static IReadOnlyList<DatasetInput> ToInputs(this LogInputsRequest request)
    {
        var inputs = new List<DatasetInput>();
        for (var i = 0; i < (request.Datasets?.Count ?? 0); i++)
        {
            var d = request.Datasets![i]?.Dataset ?? throw StewardException.Invalid($"Missing value for required field 'datasets[{i}].dataset'.");
            inputs.Add(new DatasetInput(
                ToTags(request.Datasets[i].Tags),
                new Dataset(d.Name ?? "", d.Digest ?? "", d.SourceType ?? "", d.Source ?? "", d.Schema, d.Profile)));
        }

        return inputs;
    }

    public static LifecycleStageDto ToDto(this LifecycleStage stage) => stage == LifecycleStage.Active ? LifecycleStageDto.Active : LifecycleStageDto.Deleted;

    public static RunStatusDto ToDto(this RunStatus status) => status switch
    {
        RunStatus.Running => RunStatusDto.Running,
        RunStatus.Scheduled => RunStatusDto.Scheduled,
        RunStatus.Finished => RunStatusDto.Finished,
        RunStatus.Failed => RunStatusDto.Failed,
        _ => RunStatusDto.Killed,
    };

    public static ModelStageDto ToDto(this ModelStage stage) => stage switch
    {
        ModelStage.Staging => ModelStageDto.Staging,
        ModelStage.Production => ModelStageDto.Production,
        ModelStage.Archived => ModelStageDto.Archived,
        _ => ModelStageDto.None,
    };

    public static RunStatus? ParseRunStatus(string? status) => status?.Trim().ToUpperInvariant() switch
    {
        null => null,
        "RUNNING" => RunStatus.Running,
        "SCHEDULED" => RunStatus.Scheduled,
        "FINISHED" => RunStatus.Finished,
        "FAILED" => RunStatus.Failed,
        "KILLED" => RunStatus.Killed,
        _ => throw StewardException.Invalid($"Invalid value '{status}' for field 'status'. Value must be one of RUNNING, SCHEDULED, FINISHED, FAILED, KILLED."),
    };

    /// <summary>Accepts <c>active</c>, <c>deleted</c>, <c>all</c> and MLflow's <c>ACTIVE_ONLY</c> spellings.</summary>
    public static ViewType ParseView(string? view) => view?.Trim().Replace("_", "", StringComparison.Ordinal).ToLowerInvariant() switch
    {
        null or "" or "active" or "activeonly" => ViewType.ActiveOnly,
        "deleted" or "deletedonly" => ViewType.DeletedOnly,
        "all" => ViewType.All,
        _ => throw StewardException.Invalid($"Invalid value '{view}' for parameter 'view'. Value must be one of active, deleted, all."),
    };

    private static Dictionary<string, string> ToMap(IReadOnlyList<Tag> tags)
    {
        var map = new Dictionary<string, string>(tags.Count, StringComparer.Ordinal);
        foreach (var tag in tags) map[tag.Key] = tag.Value;
        return map;
    }
}
