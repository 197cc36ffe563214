namespace Steward.Contracts.Governance;

/// <summary>Models in different domains predicting the same target from overlapping inputs.</summary>
/// <param name="Threshold">The Jaccard threshold used.</param>
/// <param name="Groups">Candidates to merge.</param>
public sealed record RedundancyReport(double Threshold, IReadOnlyList<RedundancyGroup> Groups);

/// <summary>A group of redundant models.</summary>
/// <param name="Target">What they predict.</param>
/// <param name="Domains">The domains they span.</param>
/// <param name="Models">The models.</param>
/// <param name="Pairs">The overlapping pairs that link them.</param>
public sealed record RedundancyGroup(string Target, IReadOnlyList<string> Domains, IReadOnlyList<RedundantModel> Models, IReadOnlyList<RedundantPair> Pairs);

/// <summary>A model of a redundancy group.</summary>
/// <param name="Name">The model.</param>
/// <param name="Version">The version it was judged by.</param>
/// <param name="Domain">Its domain.</param>
/// <param name="Features">Its feature names.</param>
/// <param name="Datasets">Its data set names.</param>
public sealed record RedundantModel(string Name, int? Version, string Domain, IReadOnlyList<string> Features, IReadOnlyList<string> Datasets);

/// <summary>Two overlapping models.</summary>
/// <param name="First">One model.</param>
/// <param name="Second">The other.</param>
/// <param name="FeatureOverlap">Jaccard index of their feature names.</param>
/// <param name="DatasetOverlap">Jaccard index of their data set names.</param>
/// <param name="SharedFeatures">Feature names both use.</param>
/// <param name="SharedDatasets">Data set names both use.</param>
public sealed record RedundantPair(string First, string Second, double? FeatureOverlap, double? DatasetOverlap, IReadOnlyList<string> SharedFeatures, IReadOnlyList<string> SharedDatasets);
