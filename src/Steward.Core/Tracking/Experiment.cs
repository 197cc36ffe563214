namespace Steward.Tracking;

/// <summary>
/// A named group of runs, with the artifact root its runs write under, owned by a domain: its
/// runs are written by members of that domain.
/// </summary>
public sealed record Experiment(
    string ExperimentId,
    string Name,
    string ArtifactLocation,
    LifecycleStage LifecycleStage,
    long CreationTime,
    long LastUpdateTime,
    IReadOnlyList<Tag> Tags,
    string Domain);
