using Steward.Tracking;

namespace Steward.Registry;

/// <summary>A validated request to add a version to a model; the store assigns its number.</summary>
public sealed record NewModelVersion(
    string Name,
    string Source,
    string? RunId,
    IReadOnlyList<Tag> Tags,
    string RunLink,
    string Description,
    string UserId,
    long Now);
