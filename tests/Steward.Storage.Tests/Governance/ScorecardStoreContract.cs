using Steward.Errors;
using Steward.Governance;
using Steward.Governance.Scorecards;
using Steward.Storage.Tests.Support;

namespace Steward.Storage.Tests.Governance;

/// <summary>What every <see cref="IScorecardStore"/> must do, run against SQLite and PostgreSQL.</summary>
public abstract class ScorecardStoreContract(StorageFixture fixture) : GovernanceContract(fixture)
{
    private IScorecardStore Store => Stores.Scorecards;

    private static NewScorecard Card(string name, int version, decimal score, RiskTier tier) => new(
        name, version,
        new ScoreResult(score, tier, RiskTier.Low, [], tier == RiskTier.Low ? Array.Empty<string>() : ["business_impact=high"]),
        [
            new FiledFactor("business_impact", "high", 3, FactorSources.Manual, "alice", null),
            new FiledFactor("bias_risk", "low", 0, FactorSources.FairnessAudit, "eve", 42),
            new FiledFactor("data_quality", "95.5", 0.5m, FactorSources.Manual, "alice", null),
        ],
        0, "abc123");

    [Fact]
    public async Task A_filed_scorecard_reads_back_with_its_factors_and_exact_score()
    {
        var name = await NewModelAsync();
        var filed = await Store.AddAsync(TestChange.Next(), Card(name, 1, 3.5m, RiskTier.Medium), "alice", 9000, None);
        var stored = Assert.Single(await Store.ListAsync(name, 1, None));
        Assert.Equal(filed.Id, stored.Id);
        Assert.Equal(3.5m, stored.Score);
        Assert.Equal((RiskTier.Medium, RiskTier.Low), (stored.Tier, stored.TierFromScore));
        Assert.Equal(["business_impact=high"], stored.RaisedBy);
        Assert.Equal(filed.Factors, stored.Factors);
        Assert.Equal(new FiledFactor("bias_risk", "low", 0, FactorSources.FairnessAudit, "eve", 42), stored.Factors[1]);
        Assert.Equal((0, "abc123", "alice", 9000L), (stored.ConfigVersion, stored.ConfigSha256, stored.FiledBy, stored.FiledAt));
    }

    [Fact]
    public async Task Scorecards_list_newest_first_and_the_latest_per_model_spans_versions()
    {
        var name = await NewModelAsync(versions: 2);
        await Store.AddAsync(TestChange.Next(), Card(name, 1, 3, RiskTier.Low), "alice", 1, None);
        await Store.AddAsync(TestChange.Next(), Card(name, 1, 5, RiskTier.Medium), "alice", 2, None);
        var newest = await Store.AddAsync(TestChange.Next(), Card(name, 2, 8, RiskTier.High), "alice", 3, None);

        Assert.Equal([5m, 3m], (await Store.ListAsync(name, 1, None)).Select(s => s.Score));
        Assert.Equal(newest.Id, (await Store.LatestPerModelAsync(None)).Single(s => s.ModelName == name).Id);
    }

    [Fact]
    public async Task A_scorecard_for_an_unknown_version_is_not_found()
    {
        var name = await NewModelAsync();
        await ThrowsAsync(ErrorCode.ResourceDoesNotExist, () => Store.AddAsync(TestChange.Next(), Card(name, 7, 1, RiskTier.Low), "alice", 1, None));
        Assert.Empty(await Store.ListAsync(name, 7, None));
    }
}

public sealed class SqliteScorecardStoreTests(SqliteFixture fixture) : ScorecardStoreContract(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresScorecardStoreTests(PostgresFixture fixture) : ScorecardStoreContract(fixture), IClassFixture<PostgresFixture>;
