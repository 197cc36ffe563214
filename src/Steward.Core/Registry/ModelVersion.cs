using Steward.Tracking;

namespace Steward.Registry;

/// <summary>One numbered version of a registered model, made from a run's artifacts.</summary>
public sealed record ModelVersion(
    string Name,
    int Version,
    long CreationTimestamp,
    long LastUpdatedTimestamp,
    string UserId,
    ModelStage CurrentStage,
    string Description,
    string Source,
    string? RunId,
    string Status,
    string? StatusMessage,
    IReadOnlyList<Tag> Tags,
    string RunLink,
    IReadOnlyList<string> Aliases);
