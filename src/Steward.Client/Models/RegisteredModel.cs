namespace Steward.Client;

/// <summary>A named model whose versions move through stages and aliases.</summary>
/// <param name="Name">Its unique name.</param>
/// <param name="CreationTimestamp">Creation time, Unix milliseconds.</param>
/// <param name="LastUpdatedTimestamp">Last change, Unix milliseconds.</param>
/// <param name="UserId">Who created it.</param>
/// <param name="Description">Free text.</param>
/// <param name="LatestVersions">The newest version in each stage.</param>
/// <param name="Tags">Its tags, key to value.</param>
/// <param name="Aliases">Its aliases, alias to version number.</param>
/// <param name="Domain">The domain that owns it and its versions.</param>
public sealed record RegisteredModel(
    string Name,
    long CreationTimestamp,
    long LastUpdatedTimestamp,
    string UserId,
    string Description,
    IReadOnlyList<ModelVersion> LatestVersions,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyDictionary<string, int> Aliases,
    string Domain);
