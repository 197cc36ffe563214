namespace Steward.Tracking;

/// <summary>A run's identity and attributes; <see cref="EndTime"/> is null while it runs.</summary>
public sealed record RunInfo(
    string RunId,
    string RunName,
    string ExperimentId,
    string UserId,
    RunStatus Status,
    long StartTime,
    long? EndTime,
    string ArtifactUri,
    LifecycleStage LifecycleStage);
