using Steward.Governance;
using Steward.Governance.Scorecards;

namespace Steward.Core.Tests.Governance;

/// <summary>The shipped default scorecard against the published table it must reproduce exactly.</summary>
public sealed class ScorecardDefaultTests
{
    private static ScorecardConfig Default => ScorecardConfigService.Shipped.Config;

    private static ScoreResult Score(string impact, string quality, string bias, string frequency) =>
        ScoreCalculator.Score(Default, new Dictionary<string, string>
        {
            ["business_impact"] = impact,
            ["data_quality"] = quality,
            ["bias_risk"] = bias,
            ["deployment_frequency"] = frequency,
        });

    // The published scorecard:
    // | Model            | Business impact | Data quality | Bias risk | Deployment frequency | Risk score |
    // | Churn prediction | High            | 95%          | Low       | Weekly               | 3          |
    // | Demand forecast  | Medium          | 80%          | Medium    | Monthly              | 5          |
    [Theory]
    [InlineData("High", "95%", "Low", "Weekly", 3)]
    [InlineData("Medium", "80%", "Medium", "Monthly", 5)]
    public void The_shipped_default_reproduces_the_published_scorecard_exactly(string impact, string quality, string bias, string frequency, int expected)
    {
        Assert.Equal(expected, Score(impact, quality, bias, frequency).Score);
    }

    [Fact]
    public void A_high_impact_model_is_at_least_medium_tier_whatever_its_score()
    {
        var churn = Score("high", "95", "low", "weekly");
        Assert.Equal(RiskTier.Low, churn.TierFromScore);
        Assert.Equal(RiskTier.Medium, churn.Tier);
        Assert.Equal(["business_impact=high"], churn.RaisedBy);
    }

    [Fact]
    public void A_demand_forecast_scoring_5_is_medium_tier()
    {
        var demand = Score("medium", "80", "medium", "monthly");
        Assert.Equal(RiskTier.Medium, demand.Tier);
        Assert.Empty(demand.RaisedBy);
    }

    [Fact]
    public void A_high_bias_risk_puts_the_model_in_the_high_tier()
    {
        Assert.Equal(RiskTier.High, Score("low", "99", "high", "daily").Tier);
    }

    [Theory]
    [InlineData("100", 0)]
    [InlineData("95", 0)]
    [InlineData("94.99", 1)]
    [InlineData("80", 1)]
    [InlineData("79.9", 2)]
    [InlineData("60", 2)]
    [InlineData("0", 3)]
    public void Data_quality_falls_in_bands_that_include_their_lower_bound(string quality, int points)
    {
        Assert.Equal(points, Score("low", quality, "low", "daily").Factors.Single(f => f.Key == "data_quality").Points);
    }

    [Fact]
    public void Scores_above_6_are_high_tier()
    {
        // high (3) + 70% (2) + medium (1) + monthly (1) = 7
        var result = Score("high", "70", "medium", "monthly");
        Assert.Equal(7, result.Score);
        Assert.Equal(RiskTier.High, result.TierFromScore);
    }

    [Fact]
    public void Review_cadence_is_quarterly_for_high_twice_a_year_for_medium_and_yearly_for_low()
    {
        Assert.Equal(3, Default.ReviewEveryMonths(RiskTier.High));
        Assert.Equal(6, Default.ReviewEveryMonths(RiskTier.Medium));
        Assert.Equal(12, Default.ReviewEveryMonths(RiskTier.Low));
    }

    [Fact]
    public void Bias_risk_is_filled_from_the_fairness_audit_passed_low_failed_high()
    {
        var bias = Default.Factor("bias_risk")!.FilledFrom!;
        Assert.Equal(FactorEvidence.FairnessAudit, bias.Source);
        Assert.Equal("low", bias.WhenPassed);
        Assert.Equal("high", bias.WhenFailed);
    }
}
