namespace Steward.Contracts.Governance;

/// <summary>A registered model's entry in the model risk registry. Times are Unix milliseconds.</summary>
/// <param name="Name">The registered model.</param>
/// <param name="Owner">The accountable owner.</param>
/// <param name="Domain">The model's domain (the identity domain that owns the registered model; it follows the model when an admin moves it).</param>
/// <param name="Purpose">What the model is for.</param>
/// <param name="IntendedUse">How it may be used, and how not.</param>
/// <param name="AffectedParties">Who its decisions affect.</param>
/// <param name="Target">What it predicts, e.g. <c>churn</c>.</param>
/// <param name="Status">draft, active, suspended or retired.</param>
/// <param name="Checklists">The compliance checklists that apply to its versions.</param>
/// <param name="CreatedBy">Who created the record.</param>
/// <param name="CreatedTimestamp">When.</param>
/// <param name="UpdatedBy">Who changed it last.</param>
/// <param name="UpdatedTimestamp">When.</param>
/// <param name="LastReview">Its last periodic review, if any.</param>
/// <param name="Risk">Its newest scorecard over all versions, if any.</param>
/// <param name="Schedule">When it is next due for review.</param>
/// <param name="Tier">The tier the platform treats it as: its risk's, or high when unscored.</param>
/// <param name="TierSource">model-scorecard, or unscored (treated as high), as the lifecycle names it.</param>
/// <param name="Warnings">What needs attention, e.g. <c>status is draft while version 3 is in Production</c>; empty when nothing does.</param>
public sealed record GovernanceRecord(
    string Name,
    string Owner,
    string Domain,
    string Purpose,
    string IntendedUse,
    string AffectedParties,
    string Target,
    string Status,
    IReadOnlyList<string> Checklists,
    string CreatedBy,
    long CreatedTimestamp,
    string UpdatedBy,
    long UpdatedTimestamp,
    GovernanceReview? LastReview,
    ModelRisk? Risk,
    ReviewSchedule Schedule,
    string Tier,
    string TierSource,
    IReadOnlyList<string> Warnings);

/// <summary>A model's risk, from its newest scorecard.</summary>
/// <param name="Tier">low, medium or high.</param>
/// <param name="Score">The scorecard's score.</param>
/// <param name="Version">The version the scorecard was filed for.</param>
/// <param name="ScorecardId">The scorecard.</param>
/// <param name="FiledTimestamp">When it was filed.</param>
public sealed record ModelRisk(string Tier, decimal Score, int Version, long ScorecardId, long FiledTimestamp);

/// <summary>When a model is next due for periodic review.</summary>
/// <param name="CadenceTier">The tier whose cadence applies (high for a model never scored).</param>
/// <param name="ReviewEveryMonths">Months between reviews.</param>
/// <param name="NextReviewDue">Unix milliseconds; null for a retired model.</param>
/// <param name="Overdue">True when the due date has passed.</param>
public sealed record ReviewSchedule(string CadenceTier, int ReviewEveryMonths, long? NextReviewDue, bool Overdue);

/// <summary>A periodic review.</summary>
/// <param name="Id">Assigned by the server.</param>
/// <param name="Name">The model reviewed.</param>
/// <param name="ReviewedTimestamp">When.</param>
/// <param name="Reviewer">Who reviewed it.</param>
/// <param name="Outcome">satisfactory, needs_remediation or unsatisfactory.</param>
/// <param name="Notes">Findings.</param>
public sealed record GovernanceReview(long Id, string Name, long ReviewedTimestamp, string Reviewer, string Outcome, string Notes);
