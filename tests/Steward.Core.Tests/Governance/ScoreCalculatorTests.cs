using Steward.Errors;
using Steward.Governance.Scorecards;

namespace Steward.Core.Tests.Governance;

/// <summary>Bad answers are refused with a message naming the factor and what it accepts.</summary>
public sealed class ScoreCalculatorTests
{
    private static readonly ScorecardConfig Default = ScorecardConfigService.Shipped.Config;

    private static Dictionary<string, string> Answers(params (string Key, string Value)[] changes)
    {
        var answers = new Dictionary<string, string>
        {
            ["business_impact"] = "high",
            ["data_quality"] = "95",
            ["bias_risk"] = "low",
            ["deployment_frequency"] = "weekly",
        };
        foreach (var (key, value) in changes) answers[key] = value;
        return answers;
    }

    private static string Refusal(Dictionary<string, string> answers)
    {
        var error = Assert.Throws<StewardException>(() => ScoreCalculator.Score(Default, answers));
        Assert.Equal(ErrorCode.InvalidParameterValue, error.Code);
        return error.Message;
    }

    [Fact]
    public void An_unknown_level_names_the_factor_and_its_levels()
    {
        Assert.Equal("Invalid value 'extreme' for scorecard factor 'business_impact': expected one of low, medium, high.",
            Refusal(Answers(("business_impact", "extreme"))));
    }

    [Theory]
    [InlineData("101")]
    [InlineData("-1")]
    [InlineData("ninety")]
    public void A_data_quality_outside_0_to_100_is_refused(string value)
    {
        Assert.Contains("expected a number from 0 to 100", Refusal(Answers(("data_quality", value))), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_factor_is_refused_listing_the_known_ones()
    {
        Assert.Contains("Unknown scorecard factor 'explainability'", Refusal(Answers(("explainability", "low"))), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_factor_is_refused()
    {
        var answers = Answers();
        answers.Remove("bias_risk");
        Assert.Equal("Missing scorecard factor: bias_risk.", Refusal(answers));
    }

    [Fact]
    public void A_team_factor_counts_like_the_shipped_ones()
    {
        var config = ScorecardConfigParser.Parse(ScorecardConfigService.Shipped.Document.Content.Replace(
            "tiers:",
            """
              - key: explainability
                levels:
                  - { value: documented, points: 0 }
                  - { value: opaque, points: 2 }
            tiers:
            """,
            StringComparison.Ordinal));
        var result = ScoreCalculator.Score(config, Answers(("explainability", "opaque")));
        Assert.Equal(5, result.Score);
    }
}
