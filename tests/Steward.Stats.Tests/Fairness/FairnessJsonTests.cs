using System.Text.Json.Nodes;
using Steward.Stats.Fairness;

namespace Steward.Stats.Tests.Fairness;

/// <summary>The report's JSON is a public contract: these member names and shapes are documented in docs/fairness.md.</summary>
public sealed class FairnessJsonTests
{
    private static readonly FairnessReport Report = FairnessAudit.Run(
        FairnessTestData.Table(["race"], FairnessReference.CompasByRace), new FairnessOptions { Bootstrap = new BootstrapOptions(200, Seed: 4) },
        new FairnessSource { Data = "compas.csv", Label = "two_year_recid", Score = "decile_score", Threshold = 5 });

    private static readonly JsonNode Json = JsonNode.Parse(FairnessJson.Serialize(Report))!;

    [Fact]
    public void Groups_list_the_group_by_feature_name_then_counts_and_rates()
    {
        var group = Json["groups"]![0]!;
        Assert.Equal("African-American", (string?)group["group"]!["race"]);
        Assert.Equal(3696, (long)group["count"]!);
        Assert.Equal(["group", "count", "truePositives", "falsePositives", "trueNegatives", "falseNegatives", "selectionRate",
            "truePositiveRate", "falsePositiveRate", "falseNegativeRate", "trueNegativeRate", "precision", "accuracy", "intervals"],
            group.AsObject().Select(p => p.Key));
        Assert.NotNull(group["intervals"]!["falsePositiveRate"]!["lower"]);
    }

    [Fact]
    public void Disparities_carry_the_fairlearn_metrics_and_the_disparate_impact()
    {
        var disparities = Json["disparities"]!.AsObject();
        Assert.Equal(["demographicParityDifference", "demographicParityRatio", "equalizedOddsDifference", "equalizedOddsRatio",
            "equalOpportunityDifference", "equalOpportunityRatio", "disparateImpact", "intervals"], disparities.Select(p => p.Key));
        var impact = disparities["disparateImpact"]!;
        Assert.Equal("Native American", (string?)impact["referenceGroup"]!["race"]);
        Assert.Equal("highestSelectionRate", (string?)impact["referenceChosenBy"]);
        Assert.Equal(0.8, (double)impact["threshold"]!);
        Assert.False((bool)impact["passesFourFifthsRule"]!);
        Assert.Equal("Asian", (string?)impact["groups"]![1]!["group"]!["race"]);
        Assert.True((bool)impact["groups"]![1]!["belowThreshold"]!);
    }

    [Fact]
    public void Settings_and_source_record_how_the_audit_ran()
    {
        Assert.Equal(["groups", "disparities", "overall", "settings", "source", "notes"], Json.AsObject().Select(p => p.Key));
        var settings = Json["settings"]!;
        Assert.Equal("betweenGroups", (string?)settings["method"]);
        Assert.Equal(200, (int)settings["bootstrap"]!["resamples"]!);
        Assert.Equal(4, (long)settings["bootstrap"]!["seed"]!);
        Assert.Null(settings["referenceGroup"]);
        Assert.Equal("decile_score", (string?)Json["source"]!["score"]);
    }

    [Fact]
    public void A_report_reads_back_from_its_json_unchanged()
    {
        var json = FairnessJson.Serialize(Report);
        Assert.Equal(json, FairnessJson.Serialize(FairnessJson.Deserialize(json)));
    }
}
