using Steward.Stats.Fairness;

namespace Steward.Stats.Tests.Fairness;

/// <summary>
/// COMPAS metrics from the counts of each group agree with the independent pandas computation of
/// Fairlearn's definitions (Reference/fairness_reference.py) and with ProPublica's published rates.
/// </summary>
public sealed class CompasAgreementTests
{
    private static readonly FairnessOptions NoBootstrap = new() { Bootstrap = null };

    private static FairnessReport ByRace(FairnessOptions? options = null) =>
        FairnessAudit.Run(FairnessTestData.Table(["race"], FairnessReference.CompasByRace), options ?? NoBootstrap);

    [Fact]
    public void Per_race_rates_agree_with_the_reference()
    {
        FairnessAssert.Groups(FairnessReference.CompasByRace, ByRace());
    }

    [Fact]
    public void Overall_rates_agree_with_the_reference()
    {
        var overall = ByRace().Overall;
        var expected = FairnessReference.CompasOverall;
        Assert.Equal(7214, overall.Count);
        FairnessAssert.Value(expected[0], overall.SelectionRate, "selection rate");
        FairnessAssert.Value(expected[1], overall.TruePositiveRate, "TPR");
        FairnessAssert.Value(expected[2], overall.FalsePositiveRate, "FPR");
        FairnessAssert.Value(expected[3], overall.FalseNegativeRate, "FNR");
        FairnessAssert.Value(expected[4], overall.TrueNegativeRate, "TNR");
        FairnessAssert.Value(expected[5], overall.Precision, "precision");
        FairnessAssert.Value(expected[6], overall.Accuracy, "accuracy");
    }

    [Fact]
    public void Disparities_between_groups_agree_with_the_reference()
    {
        FairnessAssert.Disparities(FairnessReference.CompasByRaceBetweenGroups, ByRace().Disparities);
    }

    [Fact]
    public void Disparities_to_overall_agree_with_the_reference()
    {
        var report = ByRace(NoBootstrap with { Method = DisparityMethod.ToOverall });
        FairnessAssert.Disparities(FairnessReference.CompasByRaceToOverall, report.Disparities);
    }

    [Fact]
    public void ProPublicas_published_error_rates_are_reproduced()
    {
        var groups = ByRace().Groups.ToDictionary(g => g.Group["race"]!);
        Assert.Equal(FairnessReference.ProPublicaBlackFalsePositivePercent, Math.Round(100 * groups["African-American"].FalsePositiveRate!.Value, 2));
        Assert.Equal(FairnessReference.ProPublicaBlackFalseNegativePercent, Math.Round(100 * groups["African-American"].FalseNegativeRate!.Value, 2));
        Assert.Equal(FairnessReference.ProPublicaWhiteFalsePositivePercent, Math.Round(100 * groups["Caucasian"].FalsePositiveRate!.Value, 2));
        Assert.Equal(FairnessReference.ProPublicaWhiteFalseNegativePercent, Math.Round(100 * groups["Caucasian"].FalseNegativeRate!.Value, 2));
    }

    [Fact]
    public void The_default_reference_group_is_the_one_with_the_highest_selection_rate()
    {
        var impact = ByRace().Disparities.DisparateImpact;
        Assert.Equal("Native American", impact.ReferenceGroup["race"]);
        Assert.Equal(ReferenceGroupChoice.HighestSelectionRate, impact.ReferenceChosenBy);
        FairnessAssert.Impact(FairnessReference.CompasByRaceImpact, impact);
    }

    [Fact]
    public void With_the_highest_rate_as_reference_the_smallest_impact_ratio_is_the_demographic_parity_ratio()
    {
        var disparities = ByRace().Disparities;
        Assert.Equal(disparities.DemographicParityRatio!.Value, disparities.DisparateImpact.MinimumRatio!.Value, 1e-15);
    }

    [Fact]
    public void A_given_reference_group_is_used_and_groups_below_four_fifths_are_flagged()
    {
        var impact = ByRace(NoBootstrap with { ReferenceGroup = ["Caucasian"] }).Disparities.DisparateImpact;
        Assert.Equal(ReferenceGroupChoice.Given, impact.ReferenceChosenBy);
        FairnessAssert.Impact(FairnessReference.CompasByRaceImpactToCaucasian, impact);
        var flagged = impact.Groups.Where(g => g.BelowThreshold == true).Select(g => g.Group["race"]).ToArray();
        Assert.Equal(new[] { "Asian", "Other" }, flagged);
        Assert.False(impact.PassesFourFifthsRule);
    }

    [Fact]
    public void A_reference_group_not_in_the_data_is_refused_listing_the_groups()
    {
        var error = Assert.Throws<ArgumentException>(() => ByRace(NoBootstrap with { ReferenceGroup = ["Martian"] }));
        Assert.Contains("race=Martian", error.Message);
        Assert.Contains("race=Caucasian", error.Message);
    }

    [Fact]
    public void Race_by_sex_intersections_agree_with_the_reference()
    {
        var report = FairnessAudit.Run(FairnessTestData.Table(["race", "sex"], FairnessReference.CompasByRaceSex), NoBootstrap);
        FairnessAssert.Groups(FairnessReference.CompasByRaceSex, report);
        FairnessAssert.Disparities(FairnessReference.CompasByRaceSexBetweenGroups, report.Disparities);
        FairnessAssert.Impact(FairnessReference.CompasByRaceSexImpact, report.Disparities.DisparateImpact);
    }

    [Fact]
    public void An_intersection_without_positive_predictions_has_no_precision_and_a_note_says_so()
    {
        var report = FairnessAudit.Run(FairnessTestData.Table(["race", "sex"], FairnessReference.CompasByRaceSex), NoBootstrap);
        var asianWomen = report.Groups.Single(g => g.Group["race"] == "Asian" && g.Group["sex"] == "Female");
        Assert.Null(asianWomen.Precision);
        Assert.Contains(report.Notes, n => n.Contains("No positive prediction in race=Asian, sex=Female", StringComparison.Ordinal));
    }
}
