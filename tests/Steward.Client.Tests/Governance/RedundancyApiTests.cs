using System.Net;
using Steward.Tests.Support;

namespace Steward.Client.Tests.Governance;

/// <summary>The redundancy report: fifteen regional teams, each with its own churn model.</summary>
public sealed class RedundancyApiTests(GovernanceServerFixture server) : GovernanceTests(server), IClassFixture<GovernanceServerFixture>
{
    [Fact]
    public async Task Fifteen_regional_churn_models_come_back_as_one_group_to_merge()
    {
        var churn = new List<string>();
        for (var i = 1; i <= 15; i++)
        {
            var (name, _) = await NewModelAsync(1, new Dictionary<string, string> { ["features"] = $"tenure, monthly_charges, contract, region_{i}" }, "telco-customers");
            await MoveAsync(name, $"region-{i:00}");
            await Client.SetGovernanceRecordAsync(name, new SetGovernanceRecordRequest("team-" + i, Target: "Churn"));
            churn.Add(name);
        }

        // Same target and features, same domain as region 1: not a merge candidate across domains, but linked to the others.
        var (demand, _) = await NewModelAsync(1, new Dictionary<string, string> { ["features"] = "tenure, monthly_charges, contract" });
        await MoveAsync(demand, "supply");
        await Client.SetGovernanceRecordAsync(demand, new SetGovernanceRecordRequest("ops", Target: "demand"));

        var report = await Client.FindRedundancyAsync();
        var group = Assert.Single(report.Groups);
        Assert.Equal("churn", group.Target);
        Assert.Equal(churn.Order(StringComparer.Ordinal), group.Models.Select(m => m.Name));
        Assert.Equal(15, group.Domains.Count);
        Assert.All(group.Pairs, p => Assert.Equal(1.0, p.DatasetOverlap));
        Assert.All(group.Pairs, p => Assert.Equal(0.6, p.FeatureOverlap));
    }

    [Fact]
    public async Task A_threshold_outside_0_to_1_is_refused()
    {
        Assert.Equal("Parameter 'threshold' must be greater than 0 and at most 1, got 1.5.",
            await ProblemAsync(HttpStatusCode.BadRequest, HttpMethod.Get, "api/v1/governance/redundancy?threshold=1.5"));
    }
}
