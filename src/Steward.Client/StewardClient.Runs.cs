using Steward.Client.Internal;

namespace Steward.Client;

public sealed partial class StewardClient
{
    /// <summary>Creates a run in an experiment.</summary>
    /// <param name="experimentId">The experiment's id; the default experiment "0" when null.</param>
    /// <param name="runName">A display name; the server generates one when null.</param>
    /// <param name="tags">Initial tags.</param>
    /// <param name="startTime">Start time in Unix milliseconds; now when null.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The run as stored.</returns>
    public Task<Run> CreateRunAsync(string? experimentId, string? runName = null, IReadOnlyDictionary<string, string>? tags = null, long? startTime = null, CancellationToken cancellationToken = default) =>
        SendJsonAsync(
            HttpMethod.Post,
            Api + "runs",
            new CreateRunRequest(experimentId, runName, startTime ?? DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), null, tags),
            Json.CreateRunRequest,
            Json.Run,
            cancellationToken);

    /// <summary>
    /// Creates a run and returns a <see cref="RunLogger"/> for it: log without waiting, then
    /// dispose it to flush and end the run.
    /// </summary>
    /// <param name="experimentId">The experiment's id; the default experiment "0" when null.</param>
    /// <param name="runName">A display name; the server generates one when null.</param>
    /// <param name="tags">Initial tags.</param>
    /// <param name="cancellationToken">Cancels creating the run.</param>
    /// <returns>A logger for the new run.</returns>
    public async Task<RunLogger> StartRunAsync(string? experimentId, string? runName = null, IReadOnlyDictionary<string, string>? tags = null, CancellationToken cancellationToken = default)
    {
        var run = await CreateRunAsync(experimentId, runName, tags, null, cancellationToken);
        return new RunLogger(this, run.RunId);
    }

    /// <summary>Creates a run in <paramref name="experiment"/> and returns a <see cref="RunLogger"/> for it.</summary>
    /// <param name="experiment">The experiment, as returned by the other experiment methods.</param>
    /// <param name="runName">A display name; the server generates one when null.</param>
    /// <param name="tags">Initial tags.</param>
    /// <param name="cancellationToken">Cancels creating the run.</param>
    /// <returns>A logger for the new run.</returns>
    public Task<RunLogger> StartRunAsync(Experiment experiment, string? runName = null, IReadOnlyDictionary<string, string>? tags = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        return StartRunAsync(experiment.ExperimentId, runName, tags, cancellationToken);
    }

    /// <summary>Reads a run with its latest metrics, params, tags and inputs.</summary>
    /// <param name="runId">The run's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The run.</returns>
    public Task<Run> GetRunAsync(string runId, CancellationToken cancellationToken = default) =>
        GetAsync($"{Api}runs/{Segment(runId)}", Json.Run, cancellationToken);

    /// <summary>
    /// The ids of runs (active or deleted) that start with <paramref name="prefix"/>, in order: how
    /// clients let people name a run by the first characters of its id, as git does commits.
    /// </summary>
    /// <param name="prefix">4 to 32 hexadecimal digits.</param>
    /// <param name="maxResults">At most this many ids (1 to 100); 10 when null. Ask for 2 to learn whether a prefix is unique.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The matching ids; empty when no run id starts with the prefix.</returns>
    public async Task<IReadOnlyList<string>> FindRunIdsAsync(string prefix, int? maxResults = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        var path = new QueryString(Api + "runs").Add("idPrefix", prefix).Add("maxResults", maxResults);
        return (await GetAsync(path.ToString(), Json.RunIdMatches, cancellationToken)).RunIds;
    }

    /// <summary>Changes a run's status, end time or name; null arguments leave those as they are.</summary>
    /// <param name="runId">The run's id.</param>
    /// <param name="status">The new status.</param>
    /// <param name="endTime">The end time, Unix milliseconds.</param>
    /// <param name="runName">The new display name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The run as stored.</returns>
    public Task<Run> UpdateRunAsync(string runId, RunStatus? status = null, long? endTime = null, string? runName = null, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Patch, $"{Api}runs/{Segment(runId)}", new UpdateRunRequest(status is { } s ? WireNames.Name(s) : null, endTime, runName), Json.UpdateRunRequest, Json.Run, cancellationToken);

    /// <summary>Ends a run now with the given status.</summary>
    /// <param name="runId">The run's id.</param>
    /// <param name="status">Its final status.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The run as stored.</returns>
    public Task<Run> EndRunAsync(string runId, RunStatus status = RunStatus.Finished, CancellationToken cancellationToken = default) =>
        UpdateRunAsync(runId, status, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), null, cancellationToken);

    /// <summary>Soft-deletes a run; <see cref="RestoreRunAsync"/> undoes it.</summary>
    /// <param name="runId">The run's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the run is deleted.</returns>
    public Task DeleteRunAsync(string runId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"{Api}runs/{Segment(runId)}", cancellationToken);

    /// <summary>Restores a soft-deleted run.</summary>
    /// <param name="runId">The run's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the run is restored.</returns>
    public Task RestoreRunAsync(string runId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"{Api}runs/{Segment(runId)}/restore", cancellationToken);

    /// <summary>
    /// Writes metrics, params and tags to a run in one request, all or nothing. At most 1000
    /// metrics, 100 params and 100 tags (1000 in all) per call; <see cref="RunLogger"/> splits for you.
    /// </summary>
    /// <param name="runId">The run's id.</param>
    /// <param name="metrics">Metric points.</param>
    /// <param name="parameters">Params; a param never changes once logged.</param>
    /// <param name="tags">Tags, set or replaced.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the batch is stored.</returns>
    public Task LogBatchAsync(
        string runId,
        IReadOnlyList<Metric>? metrics = null,
        IReadOnlyDictionary<string, string>? parameters = null,
        IReadOnlyDictionary<string, string>? tags = null,
        CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Post, $"{Api}runs/{Segment(runId)}/batch", new LogBatchRequest(metrics?.Select(m => new MetricInput(m.Key, m.Value, m.Timestamp, m.Step)).ToList(), parameters, tags), Json.LogBatchRequest, cancellationToken);

    /// <summary>Logs one metric point now (prefer <see cref="RunLogger"/> for many).</summary>
    /// <param name="runId">The run's id.</param>
    /// <param name="key">The metric's name.</param>
    /// <param name="value">The value; NaN and ±Infinity are allowed.</param>
    /// <param name="step">The step it belongs to.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the point is stored.</returns>
    public Task LogMetricAsync(string runId, string key, double value, long step = 0, CancellationToken cancellationToken = default) =>
        LogBatchAsync(runId, [new Metric(key, value, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), step)], null, null, cancellationToken);

    /// <summary>Logs one param.</summary>
    /// <param name="runId">The run's id.</param>
    /// <param name="key">The param's name.</param>
    /// <param name="value">Its value; logging another value for the same key later fails.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the param is stored.</returns>
    public Task LogParamAsync(string runId, string key, string value, CancellationToken cancellationToken = default) =>
        LogBatchAsync(runId, null, new Dictionary<string, string> { [key] = value }, null, cancellationToken);

    /// <summary>Sets (or replaces) a tag on a run.</summary>
    /// <param name="runId">The run's id.</param>
    /// <param name="key">The tag's key.</param>
    /// <param name="value">The tag's value.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the tag is stored.</returns>
    public Task SetRunTagAsync(string runId, string key, string value, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Put, $"{Api}runs/{Segment(runId)}/tags/{Segment(key)}", new SetTagRequest(value), Json.SetTagRequest, cancellationToken);

    /// <summary>Removes a tag from a run.</summary>
    /// <param name="runId">The run's id.</param>
    /// <param name="key">The tag's key.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the tag is gone.</returns>
    public Task DeleteRunTagAsync(string runId, string key, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"{Api}runs/{Segment(runId)}/tags/{Segment(key)}", cancellationToken);

    /// <summary>Records the data sets a run used.</summary>
    /// <param name="runId">The run's id.</param>
    /// <param name="inputs">The data sets with their usage tags.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the inputs are stored.</returns>
    public Task LogInputsAsync(string runId, IReadOnlyList<DatasetInput> inputs, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Post, $"{Api}runs/{Segment(runId)}/inputs", new LogInputsRequest(inputs), Json.LogInputsRequest, cancellationToken);

    /// <summary>Every point of one metric of a run, ordered by step, then timestamp.</summary>
    /// <param name="runId">The run's id.</param>
    /// <param name="key">The metric's name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The metric's history.</returns>
    public async Task<IReadOnlyList<Metric>> GetMetricHistoryAsync(string runId, string key, CancellationToken cancellationToken = default) =>
        (await GetAsync($"{Api}runs/{Segment(runId)}/metrics/{Segment(key)}/history", Json.PageMetric, cancellationToken)).Items;

    /// <summary>Reads one page of runs.</summary>
    /// <param name="search">Experiments, filter, order and page size.</param>
    /// <param name="pageToken">The previous page's <see cref="Page{T}.NextPageToken"/>, or null for the first page.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>One page.</returns>
    public Task<Page<Run>> SearchRunsAsync(RunSearch search, string? pageToken = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        var body = new SearchRunsRequest(search.ExperimentIds, search.Filter, search.OrderBy, search.MaxResults, pageToken, WireNames.Name(search.View));
        return SendJsonAsync(HttpMethod.Post, Api + "runs/search", body, Json.SearchRunsRequest, Json.PageRun, cancellationToken);
    }

    /// <summary>Every run matching a search, following page tokens as it goes.</summary>
    /// <param name="search">Experiments, filter, order and page size.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The runs, in order.</returns>
    public IAsyncEnumerable<Run> SearchAllRunsAsync(RunSearch search, CancellationToken cancellationToken = default) =>
        AllPagesAsync((token, ct) => SearchRunsAsync(search, token, ct), cancellationToken);
}
