using Steward.Governance.Scorecards;

namespace Steward.Governance.Records;

/// <summary>
/// A record as the registry shows it: the stored fields, the model's risk (its newest
/// scorecard over all versions; null when never scored) and its review schedule.
/// </summary>
public sealed record GovernanceRecordView(GovernanceRecord Record, Scorecard? Risk, ReviewSchedule Schedule)
{
    /// <summary>The model's risk tier, or null when no scorecard was filed.</summary>
    public RiskTier? Tier => Risk?.Tier;
}
