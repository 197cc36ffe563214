namespace Steward.Tracking.LoggedModels;

/// <summary>
/// A model logged by a run (MLflow 3's first-class model): its artifacts live under
/// <see cref="ArtifactUri"/>, it carries its own params and tags, and becomes READY once uploaded.
/// </summary>
public sealed record LoggedModel(
    string ModelId,
    string ExperimentId,
    string Name,
    string ArtifactUri,
    long CreationTimestampMs,
    long LastUpdatedTimestampMs,
    LoggedModelStatus Status,
    string? StatusMessage,
    string? ModelType,
    string? SourceRunId,
    IReadOnlyList<Tag> Tags,
    IReadOnlyList<Param> Params);
