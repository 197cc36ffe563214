using Steward.Stats.Classification;
using Steward.Stats.Fairness;

namespace Steward.Stats.Tests.Fairness;

/// <summary>Where a rate or ratio has no value, the report says null and leaves it out, never 0 or NaN.</summary>
public sealed class UndefinedValuesTests
{
    private static readonly FairnessOptions NoBootstrap = new() { Bootstrap = null };

    private static FairnessReport Audit(params (string Group, ConfusionCounts Counts)[] groups) =>
        FairnessAudit.Run(FairnessTable.Create(["g"], groups.Select(g => new GroupCounts([g.Group], g.Counts))), NoBootstrap);

    [Fact]
    public void When_no_group_is_selected_the_ratios_are_undefined_and_the_differences_zero()
    {
        var report = Audit(("a", new ConfusionCounts(0, 0, 5, 3)), ("b", new ConfusionCounts(0, 0, 7, 1)));
        Assert.Equal(0, report.Disparities.DemographicParityDifference);
        Assert.Null(report.Disparities.DemographicParityRatio);
        Assert.Null(report.Disparities.DisparateImpact.MinimumRatio);
        Assert.Null(report.Disparities.DisparateImpact.PassesFourFifthsRule);
        Assert.All(report.Disparities.DisparateImpact.Groups, g => Assert.Null(g.Ratio));
        Assert.Contains(report.Notes, n => n.Contains("selection rate of 0", StringComparison.Ordinal));
    }

    [Fact]
    public void When_no_group_has_a_positive_label_equal_opportunity_and_equalized_odds_are_undefined()
    {
        var report = Audit(("a", new ConfusionCounts(0, 2, 5, 0)), ("b", new ConfusionCounts(0, 1, 7, 0)));
        Assert.Null(report.Disparities.EqualOpportunityDifference);
        Assert.Null(report.Disparities.EqualOpportunityRatio);
        Assert.Null(report.Disparities.EqualizedOddsDifference);
        Assert.Null(report.Disparities.EqualizedOddsRatio);
        Assert.NotNull(report.Disparities.DemographicParityDifference);
    }

    [Fact]
    public void A_reference_group_with_no_selection_makes_every_impact_ratio_undefined()
    {
        var table = FairnessTable.Create(["g"], [new GroupCounts(["a"], new ConfusionCounts(0, 0, 5, 3)), new GroupCounts(["b"], new ConfusionCounts(2, 1, 7, 1))]);
        var impact = FairnessAudit.Run(table, NoBootstrap with { ReferenceGroup = ["a"] }).Disparities.DisparateImpact;
        Assert.All(impact.Groups, g => Assert.Null(g.Ratio));
        Assert.All(impact.Groups, g => Assert.Null(g.BelowThreshold));
    }

    [Fact]
    public void Undefined_values_are_written_as_json_null()
    {
        var report = Audit(("a", new ConfusionCounts(0, 2, 5, 0)), ("b", new ConfusionCounts(1, 1, 7, 1)));
        var json = FairnessJson.Serialize(report);
        Assert.DoesNotContain("NaN", json, StringComparison.Ordinal);
        Assert.Contains("\"truePositiveRate\": null", json, StringComparison.Ordinal);
    }
}
