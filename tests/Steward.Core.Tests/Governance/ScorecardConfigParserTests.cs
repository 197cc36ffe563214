using Steward.Errors;
using Steward.Governance.Scorecards;

namespace Steward.Core.Tests.Governance;

/// <summary>A malformed scorecard configuration is a clear error naming the problem and where it is.</summary>
public sealed class ScorecardConfigParserTests
{
    private const string Minimal = """
        name: small
        factors:
          - key: impact
            levels:
              - { value: low, points: 1 }
              - { value: high, points: 3 }
        tiers:
          - { tier: low, max_score: 1, review_every_months: 12 }
          - { tier: medium, max_score: 2, review_every_months: 6 }
          - { tier: high, review_every_months: 3 }
        """;

    private static string Refusal(string text)
    {
        var error = Assert.Throws<StewardException>(() => ScorecardConfigParser.Parse(text));
        Assert.Equal(ErrorCode.InvalidParameterValue, error.Code);
        return error.Message;
    }

    [Fact]
    public void A_minimal_configuration_parses()
    {
        var config = ScorecardConfigParser.Parse(Minimal);
        Assert.Equal("small", config.Name);
        Assert.Equal(["low", "high"], config.Factors.Single().Levels.Select(l => l.Value));
    }

    [Fact]
    public void Text_that_is_not_yaml_is_refused_with_its_line()
    {
        Assert.StartsWith("The scorecard configuration is not valid YAML at line ", Refusal("name: x\nfactors: [unclosed\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_field_is_named_with_its_line()
    {
        Assert.Equal("Invalid scorecard configuration: factors[0] (line 4): unknown field 'weight'; expected one of: key, label, question, levels, bands, range, unit, filled_from.",
            Refusal(Minimal.Replace("    levels:", "    weight: 2\n    levels:", StringComparison.Ordinal)));
    }

    [Fact]
    public void Points_that_are_not_a_number_are_named_by_path()
    {
        Assert.Contains("factors[0].levels[1].points (line 6): expected a number, got 'many'",
            Refusal(Minimal.Replace("points: 3", "points: many", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_factor_with_both_levels_and_bands_is_refused()
    {
        Assert.Contains("factor 'impact' must have either 'levels' or 'bands', not both",
            Refusal(Minimal.Replace("    levels:", "    bands: []\n    levels:", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void Bands_that_leave_low_values_unscored_are_refused()
    {
        var text = Minimal.Replace("""
                levels:
                  - { value: low, points: 1 }
                  - { value: high, points: 3 }
            """, """
                range: { min: 0, max: 100 }
                bands:
                  - { at_least: 50, points: 0 }
            """, StringComparison.Ordinal);
        Assert.Contains("no band covers values from the range's min (0)", Refusal(text), StringComparison.Ordinal);
    }

    [Fact]
    public void Tiers_out_of_order_are_refused()
    {
        Assert.Contains("expected tier 'medium' here (tiers are listed low, medium, high), got 'high'",
            Refusal(Minimal.Replace("tier: medium", "tier: high", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void Thresholds_that_do_not_rise_are_refused()
    {
        Assert.Contains("must be greater than the previous tier's max_score (1)",
            Refusal(Minimal.Replace("max_score: 2", "max_score: 1", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void Evidence_that_maps_to_an_unknown_level_is_refused()
    {
        var text = Minimal.Replace("tiers:", "    filled_from: { source: fairness_audit, passed: low, failed: severe }\ntiers:", StringComparison.Ordinal);
        Assert.Contains("'severe' is not one of the factor's levels (low, high)", Refusal(text), StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_factor_key_is_refused()
    {
        var text = Minimal.Replace("tiers:", """
              - key: impact
                levels:
                  - { value: a, points: 1 }
                  - { value: b, points: 2 }
            tiers:
            """, StringComparison.Ordinal);
        Assert.Contains("factor 'impact' is defined twice", Refusal(text), StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        Assert.Equal("The scorecard configuration is empty.", Refusal("  \n"));
    }
}
