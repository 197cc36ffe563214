using System.Text.RegularExpressions;
using Steward.Errors;
using Steward.Governance.Configuration;

namespace Steward.Governance.Scorecards;

/// <summary>
/// Reads and checks a scorecard configuration file. Everything that could make a score
/// ambiguous is refused with the path and line at fault: unknown fields, a factor with both or
/// neither of levels and bands, duplicate keys or levels, bands that leave a value unscored,
/// tiers out of order.
/// </summary>
public static partial class ScorecardConfigParser
{
    private const string Document = "scorecard configuration";

    [GeneratedRegex("^[a-z][a-z0-9_]{0,63}$")]
    private static partial Regex FactorKey();

    /// <summary>Parses <paramref name="text"/>; throws InvalidParameterValue naming the problem.</summary>
    public static ScorecardConfig Parse(string? text)
    {
        if (text?.Length > GovernanceLimits.MaxConfigurationLength)
            throw StewardException.Invalid($"The {Document} is larger than {GovernanceLimits.MaxConfigurationLength} characters.");
        var root = ConfigNode.Parse(text, Document);
        root.AllowOnly("name", "description", "factors", "tiers");
        var name = root.Required("name").NonEmptyText(100);
        var description = root.Optional("description")?.Text().Trim() ?? "";

        var factorNodes = root.Required("factors").Items();
        if (factorNodes.Count == 0) throw root.Required("factors").Error("must list at least one factor");
        var factors = new List<ScorecardFactor>();
        foreach (var node in factorNodes)
        {
            var factor = Factor(node);
            if (factors.Any(f => f.Key == factor.Key)) throw node.Required("key").Error($"factor '{factor.Key}' is defined twice");
            factors.Add(factor);
        }

        return new ScorecardConfig(name, description, factors, Tiers(root.Required("tiers")));
    }

    private static ScorecardFactor Factor(ConfigNode node)
    {
        node.AllowOnly("key", "label", "question", "levels", "bands", "range", "unit", "filled_from");
        var keyNode = node.Required("key");
        var key = keyNode.Text();
        if (!FactorKey().IsMatch(key)) throw keyNode.Error($"'{key}' must be lowercase letters, digits and underscores, starting with a letter");
        var label = node.Optional("label")?.NonEmptyText() ?? key;
        var question = node.Optional("question")?.Text().Trim() ?? "";
        var unit = node.Optional("unit")?.Text().Trim() ?? "";
        var levelsNode = node.Optional("levels");
        var bandsNode = node.Optional("bands");
        if ((levelsNode is null) == (bandsNode is null)) throw node.Error($"factor '{key}' must have either 'levels' or 'bands', not {(levelsNode is null ? "neither" : "both")}");

        if (levelsNode is not null)
        {
            if (node.Optional("range") is { } range) throw range.Error("'range' belongs to factors with bands");
            var levels = Levels(levelsNode);
            var evidence = node.Optional("filled_from") is { } filled ? Evidence(filled, levels) : null;
            return new ScorecardFactor(key, label, question, FactorKind.Levels, levels, [], 0, 0, unit, evidence);
        }

        if (node.Optional("filled_from") is { } notHere) throw notHere.Error("only factors with levels can be filled from evidence");
        var (minimum, maximum) = Range(node.Required("range"));
        var bands = Bands(bandsNode!, minimum, maximum);
        return new ScorecardFactor(key, label, question, FactorKind.Bands, [], bands, minimum, maximum, unit, null);
    }

    private static List<FactorLevel> Levels(ConfigNode node)
    {
        var levels = new List<FactorLevel>();
        foreach (var item in node.Items())
        {
            item.AllowOnly("value", "points", "minimum_tier");
            var valueNode = item.Required("value");
            var value = valueNode.NonEmptyText(GovernanceLimits.MaxShortText).ToLowerInvariant();
            if (levels.Any(l => l.Value == value)) throw valueNode.Error($"level '{value}' is listed twice");
            levels.Add(new FactorLevel(value, Points(item), MinimumTier(item)));
        }

        if (levels.Count < 2) throw node.Error("must list at least two levels");
        return levels;
    }

    private static (decimal Minimum, decimal Maximum) Range(ConfigNode node)
    {
        node.AllowOnly("min", "max");
        var minimum = node.Required("min").Number();
        var maximum = node.Required("max").Number();
        if (minimum >= maximum) throw node.Error($"min ({minimum}) must be less than max ({maximum})");
        return (minimum, maximum);
    }

    /// <summary>Bands sorted from the highest threshold down; the lowest must cover the range's minimum.</summary>
    private static List<FactorBand> Bands(ConfigNode node, decimal minimum, decimal maximum)
    {
        var bands = new List<FactorBand>();
        foreach (var item in node.Items())
        {
            item.AllowOnly("at_least", "points", "minimum_tier");
            var atLeastNode = item.Required("at_least");
            var atLeast = atLeastNode.Number();
            if (atLeast > maximum) throw atLeastNode.Error($"{atLeast} is above the range's max ({maximum})");
            if (bands.Any(b => b.AtLeast == atLeast)) throw atLeastNode.Error($"two bands start at {atLeast}");
            bands.Add(new FactorBand(atLeast, Points(item), MinimumTier(item)));
        }

        if (bands.Count == 0) throw node.Error("must list at least one band");
        if (bands.Min(b => b.AtLeast) > minimum) throw node.Error($"no band covers values from the range's min ({minimum}): the lowest band must have at_least {minimum} or less");
        return bands.OrderByDescending(b => b.AtLeast).ToList();
    }

    private static FactorEvidence Evidence(ConfigNode node, List<FactorLevel> levels)
    {
        node.AllowOnly("source", "passed", "failed");
        var sourceNode = node.Required("source");
        if (sourceNode.Text() != FactorEvidence.FairnessAudit) throw sourceNode.Error($"unknown evidence source '{sourceNode.Text()}'; the only one is {FactorEvidence.FairnessAudit}");
        string Level(string field)
        {
            var levelNode = node.Required(field);
            var value = levelNode.Text().Trim().ToLowerInvariant();
            return levels.Any(l => l.Value == value) ? value : throw levelNode.Error($"'{value}' is not one of the factor's levels ({string.Join(", ", levels.Select(l => l.Value))})");
        }

        return new FactorEvidence(FactorEvidence.FairnessAudit, Level("passed"), Level("failed"));
    }

    private static decimal Points(ConfigNode item)
    {
        var pointsNode = item.Required("points");
        var points = pointsNode.Number();
        return points >= 0 ? points : throw pointsNode.Error("points must not be negative");
    }

    private static RiskTier? MinimumTier(ConfigNode item)
    {
        if (item.Optional("minimum_tier") is not { } node) return null;
        return RiskTiers.Parse(node.Text()) ?? throw node.Error($"'{node.Text()}' is not a tier; expected low, medium or high");
    }

    /// <summary>Exactly low, medium and high, in that order, with rising thresholds; high has none.</summary>
    private static List<TierRule> Tiers(ConfigNode node)
    {
        var items = node.Items();
        if (items.Count != 3) throw node.Error($"must list the three tiers low, medium and high in that order, found {items.Count}");
        var tiers = new List<TierRule>();
        RiskTier[] expected = [RiskTier.Low, RiskTier.Medium, RiskTier.High];
        for (var i = 0; i < 3; i++)
        {
            var item = items[i];
            item.AllowOnly("tier", "max_score", "review_every_months");
            var tierNode = item.Required("tier");
            var tier = RiskTiers.Parse(tierNode.Text());
            if (tier != expected[i]) throw tierNode.Error($"expected tier '{RiskTiers.Name(expected[i])}' here (tiers are listed low, medium, high), got '{tierNode.Text()}'");
            decimal? maxScore = null;
            if (tier == RiskTier.High)
            {
                if (item.Optional("max_score") is { } extra) throw extra.Error("the high tier takes every score above medium's max_score, so it has no max_score");
            }
            else
            {
                var maxNode = item.Required("max_score");
                maxScore = maxNode.Number();
                if (tiers.Count > 0 && maxScore <= tiers[^1].MaxScore) throw maxNode.Error($"must be greater than the previous tier's max_score ({tiers[^1].MaxScore})");
            }

            tiers.Add(new TierRule(tier.Value, maxScore, item.Required("review_every_months").Integer(1, 120)));
        }

        return tiers;
    }
}
