namespace Steward.Contracts.Tracking;

/// <summary>POST body of <c>/api/v1/runs</c>; <c>userId</c> is accepted for MLflow's sake and ignored: a run's user is the authenticated caller.</summary>
/// <param name="ExperimentId">The experiment; the default experiment "0" when absent.</param>
/// <param name="RunName">A display name; the server generates one when absent.</param>
/// <param name="StartTime">Start, Unix milliseconds.</param>
/// <param name="UserId">Ignored.</param>
/// <param name="Tags">Initial tags.</param>
public sealed record CreateRunRequest(
    string? ExperimentId,
    string? RunName,
    long? StartTime,
    string? UserId,
    IReadOnlyDictionary<string, string>? Tags);

/// <summary>PATCH body of a run; absent fields stay as they are.</summary>
/// <param name="Status">RUNNING, SCHEDULED, FINISHED, FAILED or KILLED (see <see cref="RunStatus"/>).</param>
/// <param name="EndTime">End, Unix milliseconds.</param>
/// <param name="RunName">The new display name.</param>
public sealed record UpdateRunRequest(string? Status, long? EndTime, string? RunName);

/// <summary>POST body of <c>/api/v1/runs/search</c>.</summary>
/// <param name="ExperimentIds">The experiments to search.</param>
/// <param name="Filter">MLflow search syntax.</param>
/// <param name="OrderBy">Order clauses.</param>
/// <param name="MaxResults">Page size.</param>
/// <param name="PageToken">The previous page's token.</param>
/// <param name="View"><c>active</c> (the default), <c>deleted</c> or <c>all</c>.</param>
public sealed record SearchRunsRequest(
    IReadOnlyList<string>? ExperimentIds,
    string? Filter,
    IReadOnlyList<string>? OrderBy,
    long? MaxResults,
    string? PageToken,
    string? View);

/// <summary>A metric point to log; a missing timestamp means "now", a missing step means 0.</summary>
/// <param name="Key">The metric's name.</param>
/// <param name="Value">The value; NaN and ±Infinity are allowed.</param>
/// <param name="Timestamp">When it was measured, Unix milliseconds.</param>
/// <param name="Step">The step it belongs to.</param>
public sealed record MetricInput(string? Key, double? Value, long? Timestamp, long? Step);

/// <summary>Metrics, params and tags written together, all or nothing.</summary>
/// <param name="Metrics">Metric points.</param>
/// <param name="Params">Params, key to value.</param>
/// <param name="Tags">Tags, key to value.</param>
public sealed record LogBatchRequest(
    IReadOnlyList<MetricInput>? Metrics,
    IReadOnlyDictionary<string, string>? Params,
    IReadOnlyDictionary<string, string>? Tags);

/// <summary>The data sets a run used.</summary>
/// <param name="Datasets">The data sets with their usage tags.</param>
public sealed record LogInputsRequest(IReadOnlyList<DatasetInput>? Datasets);
