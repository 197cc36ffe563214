namespace Steward.Governance.Scorecards;

/// <summary>
/// A computed score: the points of each factor, their sum, the tier the sum falls in and the
/// tier after any floor an answer demands (<see cref="RaisedBy"/> names those answers).
/// </summary>
public sealed record ScoreResult(decimal Score, RiskTier Tier, RiskTier TierFromScore, IReadOnlyList<FactorScore> Factors, IReadOnlyList<string> RaisedBy);

/// <summary>One factor's answer (a level, or the number as given) and the points it earned.</summary>
public sealed record FactorScore(string Key, string Value, decimal Points, RiskTier? MinimumTier);
