using System.Net;
using Steward.ModelAudits;
using Steward.Tests.Support;

namespace Steward.Client.Tests.Governance;

/// <summary>Scorecards end to end: trial scoring, filing with evidence, the versioned configuration.</summary>
public abstract class ScorecardApiTests(GovernanceServerFixture server) : GovernanceTests(server)
{
    private static Dictionary<string, string> Churn() => new()
    {
        ["business_impact"] = "high", ["data_quality"] = "95", ["bias_risk"] = "low", ["deployment_frequency"] = "weekly",
    };

    private static Dictionary<string, string> Demand() => new()
    {
        ["business_impact"] = "medium", ["data_quality"] = "80", ["bias_risk"] = "medium", ["deployment_frequency"] = "monthly",
    };

    [Fact]
    public async Task The_server_scores_the_published_table_without_storing_anything()
    {
        var before = (await Client.GetLedgerHeadAsync()).TreeSize;
        var churn = await Client.ScoreAsync(Churn());
        var demand = await Client.ScoreAsync(Demand());
        Assert.Equal((3m, "medium", "low"), (churn.Score, churn.Tier, churn.TierFromScore));
        Assert.Equal((5m, "medium"), (demand.Score, demand.Tier));
        Assert.Equal(before, (await Client.GetLedgerHeadAsync()).TreeSize);
    }

    [Fact]
    public async Task A_filed_scorecard_records_who_entered_each_factor_and_the_configuration_version()
    {
        var (name, _) = await NewModelAsync();
        var filed = await Client.FileScorecardAsync(name, 1, Demand());
        Assert.Equal((5m, "medium", 0), (filed.Score, filed.Tier, filed.ConfigVersion));
        Assert.All(filed.Factors, f => Assert.Equal(("manual", "local-admin"), (f.Source, f.EnteredBy)));
        Assert.Equal((await Client.GetScorecardConfigAsync()).Sha256, filed.ConfigSha256);
        Assert.Equal(filed.Id, Assert.Single((await Client.ListScorecardsAsync(name, 1)).Items).Id);
        Assert.Equal(["scorecard.file"], await LedgerActionsAsync($"registered_model/{name}/version/1/scorecard"));
    }

    [Fact]
    public async Task Bias_risk_is_filled_from_the_newest_fairness_audit()
    {
        var (name, _) = await NewModelAsync();
        await Server.RecordAuditAsync(name, 1, ModelAuditKind.Fairness, ModelAuditVerdict.Passed);
        var failed = await Server.RecordAuditAsync(name, 1, ModelAuditKind.Fairness, ModelAuditVerdict.Failed);
        var answers = Churn();
        answers.Remove("bias_risk");

        var filed = await Client.FileScorecardAsync(name, 1, answers);
        var bias = filed.Factors.Single(f => f.Key == "bias_risk");
        Assert.Equal(("high", "fairness_audit", failed.Id, "local-admin"), (bias.Value, bias.Source, bias.EvidenceAuditId, bias.EnteredBy));
        Assert.Equal((5m, "high"), (filed.Score, filed.Tier));
    }

    [Fact]
    public async Task A_hand_entered_factor_that_contradicts_the_audit_is_refused()
    {
        var (name, _) = await NewModelAsync();
        var audit = await Server.RecordAuditAsync(name, 1, ModelAuditKind.Fairness, ModelAuditVerdict.Failed);
        var error = await Assert.ThrowsAsync<StewardApiException>(() => Client.FileScorecardAsync(name, 1, Churn()));
        Assert.Equal($"Scorecard factor 'bias_risk' is filled from fairness audit {audit.Id} (failed → high); it cannot be entered as 'low'. Leave it out, or record a new fairness audit.",
            Refused(HttpStatusCode.BadRequest, error).Detail);
        Assert.Empty((await Client.ListScorecardsAsync(name, 1)).Items);
    }

    [Fact]
    public async Task Without_a_fairness_audit_bias_risk_must_be_entered()
    {
        var (name, _) = await NewModelAsync();
        var answers = Churn();
        answers.Remove("bias_risk");
        var error = await Assert.ThrowsAsync<StewardApiException>(() => Client.FileScorecardAsync(name, 1, answers));
        Assert.Equal("Missing scorecard factor: bias_risk.", Refused(HttpStatusCode.BadRequest, error).Detail);
    }

    [Theory]
    [InlineData("""{"factors":{"business_impact":"extreme","data_quality":95,"bias_risk":"low","deployment_frequency":"weekly"}}""", "Invalid value 'extreme' for scorecard factor 'business_impact': expected one of low, medium, high.")]
    [InlineData("""{"factors":{"business_impact":"high","data_quality":120,"bias_risk":"low","deployment_frequency":"weekly"}}""", "Invalid value '120' for scorecard factor 'data_quality': expected a number from 0 to 100.")]
    [InlineData("""{"factors":{"business_impact":"high","data_quality":[95],"bias_risk":"low","deployment_frequency":"weekly"}}""", "Field 'factors.data_quality' must be a text or a number, got array.")]
    public async Task An_invalid_factor_level_is_a_400_and_nothing_is_filed(string body, string expected)
    {
        var (name, _) = await NewModelAsync();
        Assert.Equal(expected, await ProblemAsync(HttpStatusCode.BadRequest, HttpMethod.Post, $"api/v1/governance/models/{name}/versions/1/scorecards", body));
        Assert.Empty((await Client.ListScorecardsAsync(name, 1)).Items);
    }

    [Fact]
    public async Task A_scorecard_for_an_unknown_version_is_a_404()
    {
        var (name, _) = await NewModelAsync();
        var error = await Assert.ThrowsAsync<StewardApiException>(() => Client.FileScorecardAsync(name, 9, Churn()));
        Assert.Equal($"Model Version (name={name}, version=9) not found", Refused(HttpStatusCode.NotFound, error).Detail);
    }

    [Fact]
    public async Task A_malformed_configuration_is_refused_and_the_configuration_in_force_is_unchanged()
    {
        var before = await Client.GetScorecardConfigAsync();
        var broken = before.Content.Replace("max_score: 6", "max_score: 2", StringComparison.Ordinal);
        var error = await Assert.ThrowsAsync<StewardApiException>(() => Client.SetScorecardConfigAsync(broken));
        Assert.Contains("tiers[1].max_score", Refused(HttpStatusCode.BadRequest, error).Detail, StringComparison.Ordinal);
        Assert.Contains("must be greater than the previous tier's max_score (3)", error.Detail, StringComparison.Ordinal);
        var after = await Client.GetScorecardConfigAsync();
        Assert.Equal((before.Version, before.Sha256), (after.Version, after.Sha256));
    }
}

public sealed class SqliteScorecardApiTests(GovernanceServerFixture server) : ScorecardApiTests(server), IClassFixture<GovernanceServerFixture>;

public sealed class PostgresScorecardApiTests(PostgresGovernanceServerFixture server) : ScorecardApiTests(server), IClassFixture<PostgresGovernanceServerFixture>;

/// <summary>Changing the configuration: its own server, since the change applies to every later scorecard.</summary>
public sealed class ScorecardConfigurationApiTests(GovernanceServerFixture server) : GovernanceTests(server), IClassFixture<GovernanceServerFixture>
{
    [Fact]
    public async Task A_configuration_change_is_a_new_version_with_its_hash_and_ledger_entry_and_scores_later_scorecards()
    {
        var shipped = await Client.GetScorecardConfigAsync();
        Assert.Equal((0, "steward"), (shipped.Version, shipped.CreatedBy));
        var stricter = shipped.Content.Replace("- { value: weekly, points: 0 }", "- { value: weekly, points: 1 }", StringComparison.Ordinal);

        var stored = await Client.SetScorecardConfigAsync(stricter);
        Assert.Equal((1, "local-admin"), (stored.Version, stored.CreatedBy));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(stricter))), stored.Sha256);
        Assert.Equal([0, 1], (await Client.ListScorecardConfigVersionsAsync()).Items.Select(v => v.Version));
        Assert.Equal(["scorecard_config.update"], await LedgerActionsAsync("governance/scorecard_config/default"));
        Assert.Equal(shipped.Sha256, (await Client.GetScorecardConfigAsync(0)).Sha256);

        var (name, _) = await NewModelAsync();
        var filed = await Client.FileScorecardAsync(name, 1, new Dictionary<string, string>
        {
            ["business_impact"] = "high", ["data_quality"] = "95", ["bias_risk"] = "low", ["deployment_frequency"] = "weekly",
        });
        Assert.Equal((4m, 1, stored.Sha256), (filed.Score, filed.ConfigVersion, filed.ConfigSha256));
    }
}
