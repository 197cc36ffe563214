namespace Steward.Governance.Scorecards;

/// <summary>
/// A scorecard filed for a model version: each factor's answer with where it came from, the
/// score and tier, and the configuration version (and its hash) it was scored with. Filed
/// scorecards are never changed; a new one supersedes the last.
/// </summary>
public sealed record Scorecard(
    long Id,
    string ModelName,
    int Version,
    decimal Score,
    RiskTier Tier,
    RiskTier TierFromScore,
    IReadOnlyList<string> RaisedBy,
    IReadOnlyList<FiledFactor> Factors,
    int ConfigVersion,
    string ConfigSha256,
    string FiledBy,
    long FiledAt);

/// <summary>
/// One factor of a filed scorecard. <see cref="Source"/> is <see cref="FactorSources.Manual"/>
/// (entered by hand by <see cref="EnteredBy"/>) or <see cref="FactorSources.FairnessAudit"/>
/// (filled from audit <see cref="EvidenceAuditId"/>, which <see cref="EnteredBy"/> ran).
/// </summary>
public sealed record FiledFactor(string Key, string Value, decimal Points, string Source, string EnteredBy, long? EvidenceAuditId);

/// <summary>Where a factor's answer came from.</summary>
public static class FactorSources
{
    public const string Manual = "manual";
    public const string FairnessAudit = FactorEvidence.FairnessAudit;
}

/// <summary>A scorecard to file (the store assigns id, author and time).</summary>
public sealed record NewScorecard(string ModelName, int Version, ScoreResult Result, IReadOnlyList<FiledFactor> Factors, int ConfigVersion, string ConfigSha256);
