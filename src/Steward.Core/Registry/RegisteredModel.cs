using Steward.Tracking;

namespace Steward.Registry;

/// <summary>A named model whose versions move through stages and aliases, owned by a domain (its versions are too).</summary>
public sealed record RegisteredModel(
    string Name,
    long CreationTimestamp,
    long LastUpdatedTimestamp,
    string UserId,
    string Description,
    IReadOnlyList<ModelVersion> LatestVersions,
    IReadOnlyList<Tag> Tags,
    IReadOnlyList<ModelAlias> Aliases,
    string Domain);
