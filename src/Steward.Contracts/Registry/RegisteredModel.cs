namespace Steward.Contracts.Registry;

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

/// <summary>One numbered version of a registered model.</summary>
/// <param name="Name">The model's name.</param>
/// <param name="Version">The version number, from 1.</param>
/// <param name="CreationTimestamp">Creation time, Unix milliseconds.</param>
/// <param name="LastUpdatedTimestamp">Last change, Unix milliseconds.</param>
/// <param name="UserId">Who created it.</param>
/// <param name="CurrentStage">Its deployment stage.</param>
/// <param name="Description">Free text.</param>
/// <param name="Source">Where its files are, e.g. <c>runs:/&lt;run id&gt;/model</c>.</param>
/// <param name="RunId">The run that produced it, if any.</param>
/// <param name="Status">Registration status, e.g. <c>READY</c>.</param>
/// <param name="StatusMessage">Detail of the status, if any.</param>
/// <param name="Tags">Its tags, key to value.</param>
/// <param name="RunLink">A link to the producing run, if any.</param>
/// <param name="Aliases">The aliases pointing at it.</param>
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
    IReadOnlyDictionary<string, string> Tags,
    string RunLink,
    IReadOnlyList<string> Aliases);
