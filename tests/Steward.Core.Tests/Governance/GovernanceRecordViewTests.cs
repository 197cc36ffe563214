using Steward.Governance;
using Steward.Governance.Records;
using Steward.Governance.Scorecards;

namespace Steward.Core.Tests.Governance;

/// <summary>What the registry derives for a record: the tier it is treated as, and its warnings.</summary>
public sealed class GovernanceRecordViewTests
{
    private static readonly DateTimeOffset Created = new(2026, 1, 15, 9, 0, 0, TimeSpan.Zero);

    private static GovernanceRecordView View(GovernanceStatus status, params int[] production)
    {
        var record = new GovernanceRecord("churn", "alice", "default", "", "", "", "churn", status, [], "alice", Created.ToUnixTimeMilliseconds(), "alice", Created.ToUnixTimeMilliseconds(), null);
        return new GovernanceRecordView(record, null, ReviewSchedule.For(record, null, ScorecardConfigService.Shipped.Config, Created), production);
    }

    [Fact]
    public void An_unscored_model_is_treated_as_high_risk_and_says_so()
    {
        var view = View(GovernanceStatus.Active);
        Assert.Equal((null, RiskTier.High, "unscored"), (view.Tier, view.EffectiveTier, view.TierSource));
    }

    [Fact]
    public void A_draft_with_versions_in_production_names_them()
    {
        Assert.Equal(["status is draft while version 3 is in Production"], View(GovernanceStatus.Draft, 3).Warnings);
        Assert.Equal(["status is draft while versions 2, 3 are in Production"], View(GovernanceStatus.Draft, 2, 3).Warnings);
    }

    [Theory]
    [InlineData(GovernanceStatus.Active)]
    [InlineData(GovernanceStatus.Suspended)]
    public void A_record_past_draft_has_no_warning_for_its_production_versions(GovernanceStatus status)
    {
        Assert.Empty(View(status, 3).Warnings);
    }

    [Fact]
    public void A_draft_without_a_version_in_production_has_no_warning()
    {
        Assert.Empty(View(GovernanceStatus.Draft).Warnings);
    }
}
