using Steward.Governance.Redundancy;

namespace Steward.Core.Tests.Governance;

public sealed class RedundancyFinderTests
{
    private static ModelProfile Model(string name, string domain, string target, string features, string datasets = "") =>
        new(name, 1, domain, target, Set(features), Set(datasets));

    private static HashSet<string> Set(string names) => names.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet();

    [Fact]
    public void Fifteen_regional_churn_models_are_one_group_to_merge()
    {
        var models = Enumerable.Range(1, 15)
            .Select(i => Model($"churn-region-{i:00}", $"region-{i:00}", "churn", $"tenure,monthly_charges,contract,region_{i}"))
            .Append(Model("demand", "supply-chain", "demand", "tenure,monthly_charges,contract"))
            .ToList();

        var group = Assert.Single(RedundancyFinder.Find(models, 0.5));
        Assert.Equal("churn", group.Target);
        Assert.Equal(15, group.Models.Count);
        Assert.Equal(15, group.Domains.Count);
        // Any two share 3 of their 5 distinct features: 3/5.
        Assert.All(group.Pairs, p => Assert.Equal(0.6, p.FeatureOverlap));
        Assert.Equal(15 * 14 / 2, group.Pairs.Count);
    }

    [Fact]
    public void Models_in_the_same_domain_are_not_reported()
    {
        var models = new[] { Model("a", "emea", "churn", "x,y"), Model("b", "EMEA", "churn", "x,y") };
        Assert.Empty(RedundancyFinder.Find(models, 0.5));
    }

    [Fact]
    public void Models_with_different_targets_are_not_reported()
    {
        var models = new[] { Model("a", "emea", "churn", "x,y"), Model("b", "apac", "fraud", "x,y") };
        Assert.Empty(RedundancyFinder.Find(models, 0.5));
    }

    [Fact]
    public void Overlap_below_the_threshold_is_not_reported()
    {
        // {x,y,z} and {z,w}: 1 shared of 4 distinct = 0.25.
        var models = new[] { Model("a", "emea", "churn", "x,y,z"), Model("b", "apac", "churn", "z,w") };
        Assert.Empty(RedundancyFinder.Find(models, 0.5));
        var pair = Assert.Single(Assert.Single(RedundancyFinder.Find(models, 0.25)).Pairs);
        Assert.Equal(0.25, pair.FeatureOverlap);
        Assert.Equal(["z"], pair.SharedFeatures);
    }

    [Fact]
    public void Shared_data_sets_alone_make_a_pair()
    {
        var models = new[] { Model("a", "emea", "churn", "", "telco.csv"), Model("b", "apac", "churn", "", "telco.csv,extra.csv") };
        var pair = Assert.Single(Assert.Single(RedundancyFinder.Find(models, 0.5)).Pairs);
        Assert.Null(pair.FeatureOverlap);
        Assert.Equal(0.5, pair.DatasetOverlap);
    }

    [Fact]
    public void Jaccard_is_shared_over_distinct_and_null_without_evidence()
    {
        Assert.Equal(0.5, RedundancyFinder.Jaccard(Set("a,b,c"), Set("b,c,d")));
        Assert.Equal(1.0, RedundancyFinder.Jaccard(Set("a"), Set("a")));
        Assert.Null(RedundancyFinder.Jaccard(Set(""), Set("a")));
    }
}
