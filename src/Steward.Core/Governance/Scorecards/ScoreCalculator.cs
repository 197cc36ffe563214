using System.Globalization;
using Steward.Errors;

namespace Steward.Governance.Scorecards;

/// <summary>Scores a set of answers with a <see cref="ScorecardConfig"/>. Pure: no I/O, no clock.</summary>
public static class ScoreCalculator
{
    /// <summary>
    /// Scores <paramref name="answers"/> (factor key → level or number, as text). Every factor of
    /// the configuration needs an answer; unknown factors, unknown levels and numbers out of range
    /// are errors naming the factor and what it accepts.
    /// </summary>
    public static ScoreResult Score(ScorecardConfig config, IReadOnlyDictionary<string, string> answers)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(answers);
        foreach (var key in answers.Keys)
        {
            if (config.Factor(key) is null)
                throw StewardException.Invalid($"Unknown scorecard factor '{key}'; the scorecard '{config.Name}' has: {string.Join(", ", config.Factors.Select(f => f.Key))}.");
        }

        var missing = config.Factors.Where(f => !answers.ContainsKey(f.Key)).Select(f => f.Key).ToList();
        if (missing.Count > 0) throw StewardException.Invalid($"Missing scorecard factor{(missing.Count > 1 ? "s" : "")}: {string.Join(", ", missing)}.");

        var scores = config.Factors.Select(f => ScoreFactor(f, answers[f.Key])).ToList();
        var total = scores.Sum(s => s.Points);
        var fromScore = config.Tiers.First(t => t.MaxScore is null || total <= t.MaxScore).Tier;
        var tier = fromScore;
        var raisedBy = new List<string>();
        foreach (var s in scores.Where(s => s.MinimumTier > fromScore))
        {
            tier = s.MinimumTier!.Value > tier ? s.MinimumTier.Value : tier;
            raisedBy.Add($"{s.Key}={s.Value}");
        }

        return new ScoreResult(total, tier, fromScore, scores, raisedBy);
    }

    /// <summary>Checks one answer and returns its normalized value (a level in lowercase, or the number).</summary>
    public static FactorScore ScoreFactor(ScorecardFactor factor, string? answer)
    {
        var text = answer?.Trim() ?? "";
        if (factor.Kind == FactorKind.Levels)
        {
            var value = text.ToLowerInvariant();
            var level = factor.Levels.FirstOrDefault(l => l.Value == value)
                ?? throw StewardException.Invalid($"Invalid value '{answer}' for scorecard factor '{factor.Key}': expected one of {string.Join(", ", factor.Levels.Select(l => l.Value))}.");
            return new FactorScore(factor.Key, level.Value, level.Points, level.MinimumTier);
        }

        var number = text.TrimEnd('%').Trim();
        if (!decimal.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed)
            || parsed < factor.Minimum || parsed > factor.Maximum)
        {
            throw StewardException.Invalid($"Invalid value '{answer}' for scorecard factor '{factor.Key}': expected a number from {factor.Minimum} to {factor.Maximum}.");
        }

        var band = factor.Bands.First(b => parsed >= b.AtLeast);
        return new FactorScore(factor.Key, parsed.ToString(CultureInfo.InvariantCulture), band.Points, band.MinimumTier);
    }
}
