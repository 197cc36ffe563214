namespace Steward.Server.NativeApi.Contracts;

/// <summary>An experiment as the native API shows it; <c>lifecycleStage</c> is "active" or "deleted"; <c>domain</c> owns it.</summary>
internal sealed record ExperimentDto(
    string ExperimentId,
    string Name,
    string ArtifactLocation,
    string LifecycleStage,
    long CreationTime,
    long LastUpdateTime,
    IReadOnlyDictionary<string, string> Tags,
    string Domain);

/// <summary>POST body; without <c>domain</c> the experiment goes to the caller's default domain.</summary>
internal sealed record CreateExperimentRequest(string? Name, string? ArtifactLocation, IReadOnlyDictionary<string, string>? Tags, string? Domain);

/// <summary>PATCH body: the only mutable attribute of an experiment is its name.</summary>
internal sealed record UpdateExperimentRequest(string? Name);

internal sealed record CreatedExperimentDto(string ExperimentId);

/// <summary>PUT body of every <c>.../tags/{key}</c> route.</summary>
internal sealed record SetTagRequest(string? Value);
