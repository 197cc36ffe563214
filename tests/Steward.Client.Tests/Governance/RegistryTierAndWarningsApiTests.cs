using Steward.Tests.Support;

namespace Steward.Client.Tests.Governance;

/// <summary>The registry treats an unscored model as high risk, as reviews and approvals do, and warns of a draft record whose model is in Production.</summary>
public abstract class RegistryTierAndWarningsApiTests(GovernanceServerFixture server) : GovernanceTests(server)
{
    [Fact]
    public async Task Listing_high_risk_includes_unscored_models_with_their_tier_source()
    {
        var unscored = await GovernedModelAsync();
        var scored = await GovernedModelAsync();
        await Client.FileScorecardAsync(scored, 1, new Dictionary<string, string>
        {
            ["business_impact"] = "low", ["data_quality"] = "99", ["bias_risk"] = "low", ["deployment_frequency"] = "weekly",
        });

        var high = (await Client.ListGovernanceRecordsAsync(new GovernanceRecordSearch { Tier = "high", MaxResults = 1000 })).Items;
        var entry = Assert.Single(high, r => r.Name == unscored);
        Assert.Equal(("high", "unscored"), (entry.Tier, entry.TierSource));
        Assert.Null(entry.Risk);
        Assert.DoesNotContain(scored, high.Select(r => r.Name));
        var low = (await Client.ListGovernanceRecordsAsync(new GovernanceRecordSearch { Tier = "low", MaxResults = 1000 })).Items;
        Assert.Equal(("low", "model-scorecard"), low.Where(r => r.Name == scored).Select(r => (r.Tier, r.TierSource)).Single());
    }

    [Fact]
    public async Task A_draft_record_with_a_version_in_production_carries_a_warning_until_it_is_active()
    {
        // Into Production before the record exists: the model is not governed yet, so no gate applies.
        var (name, _) = await NewModelAsync(versions: 3);
        await Client.TransitionStageAsync(name, 3, ModelStage.Production);
        await Client.SetGovernanceRecordAsync(name, new SetGovernanceRecordRequest(Owner: "alice"));

        var record = await Client.GetGovernanceRecordAsync(name);
        Assert.Equal(["status is draft while version 3 is in Production"], record.Warnings);
        var (_, json, _) = await SendAsync(HttpMethod.Get, $"api/v1/governance/models/{name}");
        Assert.Equal("status is draft while version 3 is in Production", json.GetProperty("warnings")[0].GetString());

        var active = await Client.SetGovernanceRecordAsync(name, new SetGovernanceRecordRequest(Status: "active"));
        Assert.Empty(active.Warnings);
    }

    [Fact]
    public async Task A_draft_record_without_a_version_in_production_has_no_warning()
    {
        var name = await GovernedModelAsync();
        Assert.Empty((await Client.GetGovernanceRecordAsync(name)).Warnings);
    }
}

public sealed class SqliteRegistryTierAndWarningsApiTests(GovernanceServerFixture server) : RegistryTierAndWarningsApiTests(server), IClassFixture<GovernanceServerFixture>;

public sealed class PostgresRegistryTierAndWarningsApiTests(PostgresGovernanceServerFixture server) : RegistryTierAndWarningsApiTests(server), IClassFixture<PostgresGovernanceServerFixture>;
