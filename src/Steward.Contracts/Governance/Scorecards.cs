namespace Steward.Contracts.Governance;

/// <summary>A version of the scorecard configuration with its parsed formula.</summary>
/// <param name="Version">0 for the shipped default, then 1, 2, ...</param>
/// <param name="Sha256">SHA-256 of the file's text.</param>
/// <param name="CreatedBy">Who stored it (<c>steward</c> for the shipped default).</param>
/// <param name="CreatedTimestamp">When; null for the shipped default.</param>
/// <param name="Name">The configuration's name.</param>
/// <param name="Description">What it scores.</param>
/// <param name="Factors">Its factors.</param>
/// <param name="Tiers">Its tiers, low to high.</param>
/// <param name="Content">The file's text.</param>
public sealed record ScorecardConfig(
    int Version,
    string Sha256,
    string CreatedBy,
    long? CreatedTimestamp,
    string Name,
    string Description,
    IReadOnlyList<ScorecardFactor> Factors,
    IReadOnlyList<ScorecardTier> Tiers,
    string Content);

/// <summary>A factor of the scorecard.</summary>
/// <param name="Key">e.g. <c>business_impact</c>.</param>
/// <param name="Label">How people read it.</param>
/// <param name="Question">What it asks.</param>
/// <param name="Kind">levels or bands.</param>
/// <param name="Levels">The answers of a levels factor with their points.</param>
/// <param name="Bands">The bands of a numeric factor, highest first.</param>
/// <param name="Min">Lowest value of a numeric factor.</param>
/// <param name="Max">Highest value of a numeric factor.</param>
/// <param name="Unit">e.g. percent.</param>
/// <param name="FilledFrom">The evidence the platform fills it from, if any (fairness_audit).</param>
public sealed record ScorecardFactor(
    string Key,
    string Label,
    string Question,
    string Kind,
    IReadOnlyList<ScorecardLevel>? Levels,
    IReadOnlyList<ScorecardBand>? Bands,
    decimal? Min,
    decimal? Max,
    string Unit,
    string? FilledFrom);

/// <summary>An answer of a levels factor.</summary>
/// <param name="Value">The level.</param>
/// <param name="Points">Points it earns.</param>
/// <param name="MinimumTier">The tier it raises the model to at least, if any.</param>
public sealed record ScorecardLevel(string Value, decimal Points, string? MinimumTier);

/// <summary>A band of a numeric factor.</summary>
/// <param name="AtLeast">Values from here up to the next band.</param>
/// <param name="Points">Points it earns.</param>
/// <param name="MinimumTier">The tier it raises the model to at least, if any.</param>
public sealed record ScorecardBand(decimal AtLeast, decimal Points, string? MinimumTier);

/// <summary>A tier of the scorecard.</summary>
/// <param name="Tier">low, medium or high.</param>
/// <param name="MaxScore">Highest score in the tier; null for high.</param>
/// <param name="ReviewEveryMonths">Months between periodic reviews.</param>
public sealed record ScorecardTier(string Tier, decimal? MaxScore, int ReviewEveryMonths);

/// <summary>A stored version of a configuration file, as listed.</summary>
/// <param name="Name">The file's name.</param>
/// <param name="Version">Its version.</param>
/// <param name="Sha256">SHA-256 of its text.</param>
/// <param name="CreatedBy">Who stored it.</param>
/// <param name="CreatedTimestamp">When; null for the shipped version 0.</param>
public sealed record GovernanceDocumentVersion(string Name, int Version, string Sha256, string CreatedBy, long? CreatedTimestamp);

/// <summary>A computed score, not stored.</summary>
/// <param name="Score">Sum of the factors' points.</param>
/// <param name="Tier">The tier, after any floor.</param>
/// <param name="TierFromScore">The tier of the score alone.</param>
/// <param name="RaisedBy">Answers that raised the tier (<c>factor=value</c>).</param>
/// <param name="Factors">Each factor's answer and points.</param>
/// <param name="ConfigVersion">The configuration version used.</param>
/// <param name="ConfigSha256">Its SHA-256.</param>
public sealed record ScoreResult(
    decimal Score,
    string Tier,
    string TierFromScore,
    IReadOnlyList<string> RaisedBy,
    IReadOnlyList<FactorScore> Factors,
    int ConfigVersion,
    string ConfigSha256);

/// <summary>One factor's answer and points.</summary>
/// <param name="Key">The factor.</param>
/// <param name="Value">The answer.</param>
/// <param name="Points">Points earned.</param>
/// <param name="MinimumTier">The tier floor the answer sets, if any.</param>
public sealed record FactorScore(string Key, string Value, decimal Points, string? MinimumTier);

/// <summary>A scorecard filed for a model version.</summary>
/// <param name="Id">Assigned by the server.</param>
/// <param name="Name">The model.</param>
/// <param name="Version">The version.</param>
/// <param name="Score">Sum of the factors' points.</param>
/// <param name="Tier">The tier, after any floor.</param>
/// <param name="TierFromScore">The tier of the score alone.</param>
/// <param name="RaisedBy">Answers that raised the tier.</param>
/// <param name="Factors">Each factor, with where its answer came from.</param>
/// <param name="ConfigVersion">The configuration version used.</param>
/// <param name="ConfigSha256">Its SHA-256.</param>
/// <param name="FiledBy">Who filed it.</param>
/// <param name="FiledTimestamp">When.</param>
public sealed record Scorecard(
    long Id,
    string Name,
    int Version,
    decimal Score,
    string Tier,
    string TierFromScore,
    IReadOnlyList<string> RaisedBy,
    IReadOnlyList<FiledFactor> Factors,
    int ConfigVersion,
    string ConfigSha256,
    string FiledBy,
    long FiledTimestamp);

/// <summary>A factor of a filed scorecard.</summary>
/// <param name="Key">The factor.</param>
/// <param name="Value">The answer.</param>
/// <param name="Points">Points earned.</param>
/// <param name="Source">manual or fairness_audit.</param>
/// <param name="EnteredBy">Who entered it, or who ran the audit it came from.</param>
/// <param name="EvidenceAuditId">The audit it was filled from, if any.</param>
public sealed record FiledFactor(string Key, string Value, decimal Points, string Source, string EnteredBy, long? EvidenceAuditId);
