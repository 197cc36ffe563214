namespace Steward.Governance.Redundancy;

/// <summary>
/// What redundancy is judged on for one model: its domain, what it predicts, and the feature and
/// data set names of the version it is judged by. Names are compared in lowercase.
/// </summary>
public sealed record ModelProfile(string ModelName, int? Version, string Domain, string Target, IReadOnlySet<string> Features, IReadOnlySet<string> Datasets);

/// <summary>Two models in different domains that predict the same target from overlapping inputs.</summary>
/// <remarks><c>FeatureOverlap</c>: Jaccard index of the feature names (|A∩B| / |A∪B|), or null when either has none.</remarks>
/// <remarks><c>DatasetOverlap</c>: Jaccard index of the data set names, or null when either has none.</remarks>
public sealed record RedundantPair(
    string First,
    string Second,
    double? FeatureOverlap,
    double? DatasetOverlap,
    IReadOnlyList<string> SharedFeatures,
    IReadOnlyList<string> SharedDatasets);

/// <summary>A set of models linked by redundant pairs: one candidate to merge into a shared model.</summary>
public sealed record RedundancyGroup(string Target, IReadOnlyList<ModelProfile> Models, IReadOnlyList<RedundantPair> Pairs)
{
    /// <summary>The distinct domains the group spans.</summary>
    public IReadOnlyList<string> Domains => Models.Select(m => m.Domain).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
}
