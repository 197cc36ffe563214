using Steward.Stats.Classification;
using Steward.Stats.Fairness;

namespace Steward.Stats.Tests.Fairness;

/// <summary>Audits of in-memory columns: the synthetic CSV counted in memory agrees with the reference.</summary>
public sealed class InMemoryAuditTests
{
    private static readonly FairnessOptions NoBootstrap = new() { Bootstrap = null };
    private static readonly Dictionary<string, string?[]> Synthetic = FairnessTestData.ReadSynthetic();

    private static FairnessReport ByRegion(FairnessOptions options) =>
        FairnessAudit.Run([new SensitiveColumn("region", Synthetic["region"])],
            FairnessTestData.Binary(Synthetic["outcome"]), FairnessTestData.Binary(Synthetic["approved"]), options);

    [Fact]
    public void Columns_counted_in_memory_agree_with_the_reference()
    {
        var report = ByRegion(NoBootstrap);
        FairnessAssert.Groups(FairnessReference.SyntheticByRegion, report);
        FairnessAssert.Disparities(FairnessReference.SyntheticByRegionBetweenGroups, report.Disparities);
    }

    [Fact]
    public void Disparities_to_overall_skip_undefined_rates_as_the_reference_does()
    {
        var report = ByRegion(NoBootstrap with { Method = DisparityMethod.ToOverall });
        FairnessAssert.Disparities(FairnessReference.SyntheticByRegionToOverall, report.Disparities);
    }

    [Fact]
    public void A_group_without_positive_labels_has_no_true_positive_rate_and_is_left_out_of_equal_opportunity()
    {
        var report = ByRegion(NoBootstrap);
        var islands = report.Groups.Single(g => g.Group["region"] == "Islands");
        Assert.Null(islands.TruePositiveRate);
        Assert.Null(islands.FalseNegativeRate);
        // Fairlearn (scikit-learn's 0/0 = 0) would report 0.7066974595842956 here; see the reference script.
        FairnessAssert.Value(FairnessReference.SyntheticByRegionBetweenGroups.EqualOpportunityDifference,
            report.Disparities.EqualOpportunityDifference, "equal opportunity difference");
        Assert.Contains(report.Notes, n => n.StartsWith("No positive label in region=Islands", StringComparison.Ordinal));
    }

    [Fact]
    public void Score_thresholds_missing_values_and_empty_intersections_agree_with_the_reference()
    {
        var report = FairnessAudit.Run(
            [new SensitiveColumn("region", Synthetic["region"]), new SensitiveColumn("sex", Synthetic["sex"])],
            FairnessTestData.Binary(Synthetic["outcome"]), FairnessTestData.AtLeast(Synthetic["score"], 0.6), NoBootstrap);
        FairnessAssert.Groups(FairnessReference.SyntheticByRegionSex, report);
        FairnessAssert.Disparities(FairnessReference.SyntheticByRegionSexBetweenGroups, report.Disparities);
        Assert.Contains(report.Notes, n => n.StartsWith("No rows for region=Islands, sex=(missing); region=West, sex=F", StringComparison.Ordinal));
    }

    [Fact]
    public void A_given_reference_group_divides_every_selection_rate()
    {
        var impact = ByRegion(NoBootstrap with { ReferenceGroup = ["South"] }).Disparities.DisparateImpact;
        FairnessAssert.Impact(FairnessReference.SyntheticByRegionImpactToSouth, impact);
        Assert.Equal([false, false, false, false, true], impact.Groups.Select(g => g.BelowThreshold ?? false));
    }

    [Fact]
    public void Counting_in_parallel_partitions_gives_the_naive_counts()
    {
        const int Rows = 3_000_000, Groups = 6;
        var random = new Random(7);
        var codes = new byte[Rows];
        var labels = new bool[Rows];
        var predictions = new bool[Rows];
        for (var i = 0; i < Rows; i++)
        {
            codes[i] = (byte)random.Next(Groups);
            labels[i] = random.Next(3) == 0;
            predictions[i] = random.Next(2) == 0;
        }

        var naive = new ConfusionCounts[Groups];
        for (var i = 0; i < Rows; i++)
        {
            ref var c = ref naive[codes[i]];
            c = (labels[i], predictions[i]) switch
            {
                (true, true) => c with { TruePositives = c.TruePositives + 1 },
                (false, true) => c with { FalsePositives = c.FalsePositives + 1 },
                (false, false) => c with { TrueNegatives = c.TrueNegatives + 1 },
                (true, false) => c with { FalseNegatives = c.FalseNegatives + 1 },
            };
        }

        var levels = new[] { Enumerable.Range(0, Groups).Select(g => (string?)$"g{g}").ToArray() };
        Assert.Equal(naive, GroupCodes.FromBytes(codes, ["group"], levels).Count(labels, predictions));
        Assert.Equal(naive, GroupCodes.FromInts(codes.Select(c => (int)c).ToArray(), ["group"], levels).Count(labels, predictions));
    }

    [Fact]
    public void A_group_code_outside_the_groups_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => GroupCodes.FromInts([0, 1, 2], ["group"], [["a", "b"]]));
        Assert.Contains("group code 2", error.Message);
    }

    [Fact]
    public void Columns_of_different_lengths_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            FairnessAudit.Run([new SensitiveColumn("a", ["x", "y"]), new SensitiveColumn("b", ["x"])], new[] { true, false }, new[] { true, false }));
        Assert.Contains("'b' has 1 rows but 'a' has 2", error.Message);
    }

    [Fact]
    public void Labels_of_a_different_length_than_the_groups_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            FairnessAudit.Run([new SensitiveColumn("a", ["x", "y"])], new[] { true }, new[] { true, false }));
        Assert.Contains("2 group codes but 1 labels", error.Message);
    }
}
