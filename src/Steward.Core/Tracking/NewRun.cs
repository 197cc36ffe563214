namespace Steward.Tracking;

/// <summary>A validated request to create a run; the store derives its artifact URI.</summary>
public sealed record NewRun(
    string RunId,
    string ExperimentId,
    string RunName,
    string UserId,
    long StartTime,
    IReadOnlyList<Tag> Tags);
