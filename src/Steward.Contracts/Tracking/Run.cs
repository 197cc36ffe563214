namespace Steward.Contracts.Tracking;

/// <summary>One execution of training or evaluation code, flat: its attributes, the latest value of each metric, params and tags as maps, and the data sets it used.</summary>
/// <param name="RunId">The run's id.</param>
/// <param name="RunName">Its display name.</param>
/// <param name="ExperimentId">The experiment it belongs to.</param>
/// <param name="UserId">Who started it.</param>
/// <param name="Status">Where it is in its execution.</param>
/// <param name="StartTime">Start, Unix milliseconds.</param>
/// <param name="EndTime">End, Unix milliseconds; null while it runs.</param>
/// <param name="ArtifactUri">Where its artifacts live.</param>
/// <param name="LifecycleStage">Active or soft-deleted.</param>
/// <param name="Metrics">The latest value of each metric.</param>
/// <param name="Params">Its params, key to value.</param>
/// <param name="Tags">Its tags, key to value.</param>
/// <param name="Inputs">The data sets it used.</param>
public sealed record Run(
    string RunId,
    string RunName,
    string ExperimentId,
    string UserId,
    RunStatus Status,
    long StartTime,
    long? EndTime,
    string ArtifactUri,
    LifecycleStage LifecycleStage,
    IReadOnlyList<Metric> Metrics,
    IReadOnlyDictionary<string, string> Params,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyList<DatasetInput> Inputs);

/// <summary>One measurement of a run. <see cref="Value"/> may be NaN or ±Infinity, written as the strings "NaN", "Infinity", "-Infinity".</summary>
/// <param name="Key">The metric's name, e.g. <c>train/loss</c>.</param>
/// <param name="Value">The measured value.</param>
/// <param name="Timestamp">When it was measured, Unix milliseconds.</param>
/// <param name="Step">The training step or epoch it belongs to.</param>
public sealed record Metric(string Key, double Value, long Timestamp, long Step);

/// <summary>A data set, identified by name and content digest. In a request the server refuses it without its four required fields.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Digest">A short hash of its content.</param>
/// <param name="SourceType">Kind of source, e.g. <c>local</c>, <c>s3</c>, <c>http</c>.</param>
/// <param name="Source">Where it came from (a JSON description or a URI).</param>
/// <param name="Schema">Its schema as JSON, if known.</param>
/// <param name="Profile">Summary statistics as JSON, if known.</param>
public sealed record Dataset(string Name, string Digest, string SourceType, string Source, string? Schema = null, string? Profile = null);

/// <summary>A data set used by a run, with tags such as <c>mlflow.data.context=training</c>.</summary>
/// <param name="Dataset">The data set.</param>
/// <param name="Tags">How the run used it.</param>
public sealed record DatasetInput(Dataset Dataset, IReadOnlyDictionary<string, string>? Tags = null);

/// <summary>An entry of a run's artifact listing.</summary>
/// <param name="Path">Path relative to the run's artifact root.</param>
/// <param name="IsDir">True for a folder.</param>
/// <param name="FileSize">Size in bytes; absent (null) for folders.</param>
public sealed record ArtifactFile(string Path, bool IsDir, long? FileSize);
