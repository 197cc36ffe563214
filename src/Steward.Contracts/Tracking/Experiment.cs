namespace Steward.Contracts.Tracking;

/// <summary>A named group of runs.</summary>
/// <param name="ExperimentId">The experiment's id.</param>
/// <param name="Name">Its unique name.</param>
/// <param name="ArtifactLocation">The root its runs store artifacts under.</param>
/// <param name="LifecycleStage">Active or soft-deleted.</param>
/// <param name="CreationTime">Creation time, Unix milliseconds.</param>
/// <param name="LastUpdateTime">Last change, Unix milliseconds.</param>
/// <param name="Tags">Its tags, key to value.</param>
/// <param name="Domain">The domain that owns it and its runs.</param>
public sealed record Experiment(
    string ExperimentId,
    string Name,
    string ArtifactLocation,
    LifecycleStage LifecycleStage,
    long CreationTime,
    long LastUpdateTime,
    IReadOnlyDictionary<string, string> Tags,
    string Domain);

/// <summary>The answer to creating an experiment through a route that returns only its id.</summary>
/// <param name="ExperimentId">The new experiment's id.</param>
public sealed record CreatedExperiment(string ExperimentId);
