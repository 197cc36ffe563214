using Steward.Governance;
using Steward.Governance.Records;
using Steward.Governance.Scorecards;

namespace Steward.Core.Tests.Governance;

public sealed class ReviewScheduleTests
{
    private static readonly DateTimeOffset Created = new(2026, 1, 15, 9, 0, 0, TimeSpan.Zero);

    private static GovernanceRecord Record(GovernanceStatus status = GovernanceStatus.Active, DateTimeOffset? lastReview = null) => new(
        "churn", "alice", "emea", "", "", "", "churn", status, [], "alice", Created.ToUnixTimeMilliseconds(), "alice", Created.ToUnixTimeMilliseconds(),
        lastReview is { } at ? new Review(1, "churn", at.ToUnixTimeMilliseconds(), "rita", ReviewOutcome.Satisfactory, "") : null);

    private static ReviewSchedule Schedule(GovernanceRecord record, RiskTier? tier, DateTimeOffset now) =>
        ReviewSchedule.For(record, tier, ScorecardConfigService.Shipped.Config, now);

    [Theory]
    [InlineData(RiskTier.High, 4)]
    [InlineData(RiskTier.Medium, 7)]
    [InlineData(RiskTier.Low, 1)]
    public void The_next_review_is_due_one_cadence_after_the_last(RiskTier tier, int month)
    {
        var lastReview = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var due = Schedule(Record(lastReview: lastReview), tier, Created).NextReviewDue;
        var expected = new DateTimeOffset(month == 1 ? 2027 : 2026, month, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(expected.ToUnixTimeMilliseconds(), due);
    }

    [Fact]
    public void A_model_never_scored_is_reviewed_as_high_risk_from_its_creation()
    {
        var schedule = Schedule(Record(), null, Created);
        Assert.Equal(RiskTier.High, schedule.CadenceTier);
        Assert.Equal(Created.AddMonths(3).ToUnixTimeMilliseconds(), schedule.NextReviewDue);
    }

    [Fact]
    public void A_review_past_its_due_date_is_overdue()
    {
        Assert.False(Schedule(Record(), RiskTier.High, Created.AddMonths(3)).Overdue);
        Assert.True(Schedule(Record(), RiskTier.High, Created.AddMonths(3).AddSeconds(1)).Overdue);
    }

    [Fact]
    public void A_retired_model_is_off_the_schedule()
    {
        var schedule = Schedule(Record(GovernanceStatus.Retired), RiskTier.High, Created.AddYears(5));
        Assert.Null(schedule.NextReviewDue);
        Assert.False(schedule.Overdue);
    }
}
