namespace Steward.Client;

/// <summary>One execution of training or evaluation code, with what it logged.</summary>
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
