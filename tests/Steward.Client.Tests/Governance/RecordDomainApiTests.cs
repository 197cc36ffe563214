using System.Net;
using Steward.Tests.Support;

namespace Steward.Client.Tests.Governance;

/// <summary>A governance record's domain is its registered model's domain: named or not, it is the model's, and it follows the model.</summary>
public abstract class RecordDomainApiTests(GovernanceServerFixture server) : GovernanceTests(server)
{
    [Fact]
    public async Task A_record_left_without_a_domain_takes_its_models_domain()
    {
        var (name, _) = await NewModelAsync();
        await MoveAsync(name, "credit-risk");
        var created = await Client.SetGovernanceRecordAsync(name, new SetGovernanceRecordRequest(Owner: "alice"));
        Assert.Equal("credit-risk", created.Domain);
        Assert.Contains(name, (await Client.ListGovernanceRecordsAsync(new GovernanceRecordSearch { Domain = "credit-risk" })).Items.Select(r => r.Name));
    }

    [Fact]
    public async Task A_domain_that_does_not_exist_is_refused_naming_the_known_domains_and_nothing_is_stored()
    {
        var (name, _) = await NewModelAsync();
        var detail = await ProblemAsync(HttpStatusCode.BadRequest, HttpMethod.Put, $"api/v1/governance/models/{name}", """{"owner":"alice","domain":"emea-nowhere"}""");
        Assert.StartsWith("The domain 'emea-nowhere' named in 'domain' does not exist; known domains: ", detail, StringComparison.Ordinal);
        Assert.Contains("default", detail, StringComparison.Ordinal);
        Assert.Contains($"('default' for '{name}')", detail, StringComparison.Ordinal);
        await ProblemAsync(HttpStatusCode.NotFound, HttpMethod.Get, $"api/v1/governance/models/{name}");
        Assert.Empty(await LedgerActionsAsync($"registered_model/{name}/governance"));
    }

    [Fact]
    public async Task Another_existing_domain_than_the_models_is_refused_naming_both_and_how_to_move_the_model()
    {
        var (name, _) = await NewModelAsync();
        await EnsureDomainAsync("retail");
        var detail = await ProblemAsync(HttpStatusCode.BadRequest, HttpMethod.Put, $"api/v1/governance/models/{name}", """{"owner":"alice","domain":"retail"}""");
        Assert.Equal(
            $"Registered model '{name}' is in domain 'default', not 'retail': a governance record's domain is its model's domain. " +
            $"Leave 'domain' out, or have an admin move the model first (PUT /api/v1/models/{name}/domain); its record follows.",
            detail);
        await ProblemAsync(HttpStatusCode.NotFound, HttpMethod.Get, $"api/v1/governance/models/{name}");
    }

    [Fact]
    public async Task Naming_the_models_own_domain_is_accepted()
    {
        var (name, _) = await NewModelAsync();
        var created = await Client.SetGovernanceRecordAsync(name, new SetGovernanceRecordRequest(Owner: "alice", Domain: "default"));
        Assert.Equal("default", created.Domain);
    }

    [Fact]
    public async Task When_an_admin_moves_the_model_its_record_follows()
    {
        var name = await GovernedModelAsync("credit-risk");
        await MoveAsync(name, "retail");
        Assert.Equal("retail", (await Client.GetGovernanceRecordAsync(name)).Domain);
        Assert.Contains(name, (await Client.ListGovernanceRecordsAsync(new GovernanceRecordSearch { Domain = "retail" })).Items.Select(r => r.Name));
        Assert.DoesNotContain(name, (await Client.ListGovernanceRecordsAsync(new GovernanceRecordSearch { Domain = "credit-risk" })).Items.Select(r => r.Name));
        // A later change that names the new domain is the model's own: accepted.
        Assert.Equal("retail", (await Client.SetGovernanceRecordAsync(name, new SetGovernanceRecordRequest(Domain: "retail", Purpose: "moved"))).Domain);
    }
}

public sealed class SqliteRecordDomainApiTests(GovernanceServerFixture server) : RecordDomainApiTests(server), IClassFixture<GovernanceServerFixture>;

public sealed class PostgresRecordDomainApiTests(PostgresGovernanceServerFixture server) : RecordDomainApiTests(server), IClassFixture<PostgresGovernanceServerFixture>;
