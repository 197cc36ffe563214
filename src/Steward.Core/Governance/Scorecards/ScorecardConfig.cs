namespace Steward.Governance.Scorecards;

/// <summary>
/// A risk scorecard's formula, read from its configuration file: the factors with the points
/// each answer earns, and the score thresholds of the tiers with their review cadence. The
/// score is the sum of the factors' points; the tier is the first whose <see cref="TierRule.MaxScore"/>
/// the score does not exceed, raised to any minimum tier an answer demands.
/// </summary>
public sealed record ScorecardConfig(string Name, string Description, IReadOnlyList<ScorecardFactor> Factors, IReadOnlyList<TierRule> Tiers)
{
    /// <summary>Months between periodic reviews for a tier (high quarterly, medium twice a year, low yearly by default).</summary>
    public int ReviewEveryMonths(RiskTier tier) => Tiers.First(t => t.Tier == tier).ReviewEveryMonths;

    /// <summary>The factor with <paramref name="key"/>, or null.</summary>
    public ScorecardFactor? Factor(string key) => Factors.FirstOrDefault(f => f.Key == key);
}

/// <summary>How a factor is answered: by choosing a level, or with a number that falls in a band.</summary>
public enum FactorKind
{
    Levels,
    Bands,
}

/// <summary>
/// One question of the scorecard. A <see cref="FactorKind.Levels"/> factor is answered with one
/// of its levels; a <see cref="FactorKind.Bands"/> factor with a number between
/// <see cref="Minimum"/> and <see cref="Maximum"/>, scored by the highest band it reaches.
/// </summary>
public sealed record ScorecardFactor(
    string Key,
    string Label,
    string Question,
    FactorKind Kind,
    IReadOnlyList<FactorLevel> Levels,
    IReadOnlyList<FactorBand> Bands,
    decimal Minimum,
    decimal Maximum,
    string Unit,
    FactorEvidence? FilledFrom);

/// <summary>An answer of a levels factor and the points it earns; <see cref="MinimumTier"/> is a tier floor.</summary>
public sealed record FactorLevel(string Value, decimal Points, RiskTier? MinimumTier);

/// <summary>A band of a numeric factor: values of at least <see cref="AtLeast"/> (up to the next band) earn <see cref="Points"/>.</summary>
public sealed record FactorBand(decimal AtLeast, decimal Points, RiskTier? MinimumTier);

/// <summary>
/// The evidence the platform fills a factor from when it holds some: the newest fairness audit
/// of the version, whose verdict maps to a level.
/// </summary>
public sealed record FactorEvidence(string Source, string WhenPassed, string WhenFailed)
{
    /// <summary>The only source so far: the version's newest fairness audit.</summary>
    public const string FairnessAudit = "fairness_audit";
}

/// <summary>A tier: scores up to <see cref="MaxScore"/> (no limit for the top tier) and how often such models are reviewed.</summary>
public sealed record TierRule(RiskTier Tier, decimal? MaxScore, int ReviewEveryMonths);
