namespace Steward.Server.NativeApi.Contracts;

/// <summary>
/// A run, flat: its attributes, the latest value of each metric, params and tags as maps, and
/// the data sets it used. <c>status</c> is RUNNING, SCHEDULED, FINISHED, FAILED or KILLED.
/// </summary>
internal sealed record RunDto(
    string RunId,
    string RunName,
    string ExperimentId,
    string UserId,
    string Status,
    long StartTime,
    long? EndTime,
    string ArtifactUri,
    string LifecycleStage,
    IReadOnlyList<MetricDto> Metrics,
    IReadOnlyDictionary<string, string> Params,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyList<DatasetInputDto> Inputs);

/// <summary>One metric point; <c>value</c> may be "NaN", "Infinity" or "-Infinity".</summary>
internal sealed record MetricDto(string Key, double Value, long Timestamp, long Step);

internal sealed record DatasetDto(string? Name, string? Digest, string? SourceType, string? Source, string? Schema, string? Profile);

internal sealed record DatasetInputDto(DatasetDto? Dataset, IReadOnlyDictionary<string, string>? Tags);

/// <summary>POST body; <c>userId</c> is accepted for MLflow's sake and ignored: a run's user is the authenticated caller.</summary>
internal sealed record CreateRunRequest(
    string? ExperimentId,
    string? RunName,
    long? StartTime,
    string? UserId,
    IReadOnlyDictionary<string, string>? Tags);

/// <summary>PATCH body; absent fields stay as they are.</summary>
internal sealed record UpdateRunRequest(string? Status, long? EndTime, string? RunName);

internal sealed record SearchRunsRequest(
    IReadOnlyList<string>? ExperimentIds,
    string? Filter,
    IReadOnlyList<string>? OrderBy,
    long? MaxResults,
    string? PageToken,
    string? View);

/// <summary>A metric point to log; a missing timestamp means "now", a missing step means 0.</summary>
internal sealed record MetricInput(string? Key, double? Value, long? Timestamp, long? Step);

/// <summary>Metrics, params and tags written together, all or nothing.</summary>
internal sealed record LogBatchRequest(
    IReadOnlyList<MetricInput>? Metrics,
    IReadOnlyDictionary<string, string>? Params,
    IReadOnlyDictionary<string, string>? Tags);

internal sealed record LogInputsRequest(IReadOnlyList<DatasetInputDto>? Datasets);
