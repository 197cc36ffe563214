using Steward.Governance.Scorecards;

namespace Steward.Governance.Records;

/// <summary>
/// When a model is next due for periodic review: its last review (or, never reviewed, the day
/// its record was created) plus the cadence of its risk tier. A model not yet scored is
/// scheduled as high risk: an unknown risk is not treated as a small one. Retired models are
/// off the schedule.
/// </summary>
/// <remarks><c>CadenceTier</c>: The tier whose cadence applies (the model's, or high when unscored).</remarks>
/// <remarks><c>NextReviewDue</c>: Unix milliseconds; null for a retired model.</remarks>
public sealed record ReviewSchedule(RiskTier CadenceTier, int ReviewEveryMonths, long? NextReviewDue, bool Overdue)
{
    public static ReviewSchedule For(GovernanceRecord record, RiskTier? tier, ScorecardConfig config, DateTimeOffset now)
    {
        var cadenceTier = tier ?? RiskTier.High;
        var months = config.ReviewEveryMonths(cadenceTier);
        if (record.Status == GovernanceStatus.Retired) return new ReviewSchedule(cadenceTier, months, null, false);
        var from = DateTimeOffset.FromUnixTimeMilliseconds(record.LastReview?.ReviewedAt ?? record.CreatedAt);
        var due = from.AddMonths(months);
        return new ReviewSchedule(cadenceTier, months, due.ToUnixTimeMilliseconds(), due < now);
    }
}
