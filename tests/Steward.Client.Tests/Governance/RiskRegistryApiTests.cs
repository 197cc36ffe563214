using System.Net;
using Steward.Tests.Support;

namespace Steward.Client.Tests.Governance;

/// <summary>The model risk registry end to end: records, reviews and the review schedule.</summary>
public abstract class RiskRegistryApiTests(GovernanceServerFixture server) : GovernanceTests(server)
{
    [Fact]
    public async Task A_governance_record_is_created_read_and_changed_with_ledger_entries()
    {
        var (name, _) = await NewModelAsync();
        await MoveAsync(name, "emea-retail");
        var created = await Client.SetGovernanceRecordAsync(name, new SetGovernanceRecordRequest(
            "alice", "emea-retail", "Keep customers", "Retention offers only", "Retail customers", "churn", "active", ["gdpr"]));
        Assert.Equal(("alice", "emea-retail", "active", "local-admin"), (created.Owner, created.Domain, created.Status, created.CreatedBy));

        var changed = await Client.SetGovernanceRecordAsync(name, new SetGovernanceRecordRequest(Owner: "bob"));
        Assert.Equal(("bob", "emea-retail", "Keep customers", "churn"), (changed.Owner, changed.Domain, changed.Purpose, changed.Target));
        Assert.Equal(["gdpr"], (await Client.GetGovernanceRecordAsync(name)).Checklists);
        Assert.Equal(["governance_record.update", "governance_record.update"], await LedgerActionsAsync($"registered_model/{name}/governance"));
    }

    [Fact]
    public async Task A_first_put_answers_201_and_later_ones_200()
    {
        var (name, _) = await NewModelAsync();
        var (first, _, _) = await SendAsync(HttpMethod.Put, $"api/v1/governance/models/{name}", """{"owner":"alice"}""");
        var (second, _, _) = await SendAsync(HttpMethod.Put, $"api/v1/governance/models/{name}", """{"purpose":"x"}""");
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (first, second));
    }

    [Fact]
    public async Task A_record_without_an_owner_is_refused_and_nothing_is_stored()
    {
        var (name, _) = await NewModelAsync();
        var detail = await ProblemAsync(HttpStatusCode.BadRequest, HttpMethod.Put, $"api/v1/governance/models/{name}", """{"purpose":"x"}""");
        Assert.Contains("'owner'", detail, StringComparison.Ordinal);
        await ProblemAsync(HttpStatusCode.NotFound, HttpMethod.Get, $"api/v1/governance/models/{name}");
        Assert.Empty(await LedgerActionsAsync($"registered_model/{name}/governance"));
    }

    [Theory]
    [InlineData("""{"owner":"alice","status":"sleeping"}""", "Invalid value 'sleeping' for 'status': expected one of draft, active, suspended, retired.")]
    [InlineData("""{"owner":"alice","checklists":["hipaa"]}""", "Unknown checklist 'hipaa' in 'checklists'; known checklists: ccpa, gdpr, sox.")]
    [InlineData("""{"owner":"alice","colour":"red"}""", "Unknown field 'colour' in the request body at '$.colour'.")]
    public async Task Bad_record_fields_are_named_and_nothing_is_stored(string body, string expected)
    {
        var (name, _) = await NewModelAsync();
        Assert.Equal(expected, await ProblemAsync(HttpStatusCode.BadRequest, HttpMethod.Put, $"api/v1/governance/models/{name}", body));
        await ProblemAsync(HttpStatusCode.NotFound, HttpMethod.Get, $"api/v1/governance/models/{name}");
    }

    [Fact]
    public async Task A_record_for_an_unknown_model_is_a_404()
    {
        Assert.Equal("Registered Model with name=no-such-model not found",
            await ProblemAsync(HttpStatusCode.NotFound, HttpMethod.Put, "api/v1/governance/models/no-such-model", """{"owner":"alice"}"""));
    }

    [Fact]
    public async Task An_unscored_model_falls_due_quarterly_and_shows_as_overdue_after_that()
    {
        var name = await GovernedModelAsync();
        var record = await Client.GetGovernanceRecordAsync(name);
        Assert.Equal(("high", 3, false), (record.Schedule.CadenceTier, record.Schedule.ReviewEveryMonths, record.Schedule.Overdue));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(record.CreatedTimestamp).AddMonths(3).ToUnixTimeMilliseconds(), record.Schedule.NextReviewDue);
        Assert.DoesNotContain(name, (await Client.ListReviewScheduleAsync(overdueOnly: true)).Items.Select(r => r.Name));

        Server.Clock.Advance(TimeSpan.FromDays(100));
        Assert.Contains(name, (await Client.ListReviewScheduleAsync(overdueOnly: true)).Items.Select(r => r.Name));
        Assert.Contains(name, (await Client.ListGovernanceRecordsAsync(new GovernanceRecordSearch { OverdueOnly = true })).Items.Select(r => r.Name));

        var review = await Client.RecordReviewAsync(name, "needs_remediation", "drift on young customers");
        Assert.Equal(("needs_remediation", "local-admin"), (review.Outcome, review.Reviewer));
        Assert.DoesNotContain(name, (await Client.ListReviewScheduleAsync(overdueOnly: true)).Items.Select(r => r.Name));
        var reviewed = await Client.GetGovernanceRecordAsync(name);
        Assert.Equal(review.Id, reviewed.LastReview!.Id);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(review.ReviewedTimestamp).AddMonths(3).ToUnixTimeMilliseconds(), reviewed.Schedule.NextReviewDue);
        Assert.Contains("governance_record.review", await LedgerActionsAsync($"registered_model/{name}/governance"));
    }

    [Fact]
    public async Task A_low_risk_model_is_reviewed_yearly()
    {
        var name = await GovernedModelAsync();
        await Client.FileScorecardAsync(name, 1, new Dictionary<string, string>
        {
            ["business_impact"] = "low", ["data_quality"] = "99", ["bias_risk"] = "low", ["deployment_frequency"] = "weekly",
        });
        var record = await Client.GetGovernanceRecordAsync(name);
        Assert.Equal(("low", 1m, 1), (record.Risk!.Tier, record.Risk.Score, record.Risk.Version));
        Assert.Equal(("low", 12), (record.Schedule.CadenceTier, record.Schedule.ReviewEveryMonths));
        Assert.Contains(name, (await Client.ListGovernanceRecordsAsync(new GovernanceRecordSearch { Tier = "low" })).Items.Select(r => r.Name));
    }

    [Fact]
    public async Task A_retired_model_leaves_the_review_schedule()
    {
        var name = await GovernedModelAsync();
        await Client.SetGovernanceRecordAsync(name, new SetGovernanceRecordRequest(Status: "retired"));
        Assert.DoesNotContain(name, (await Client.ListReviewScheduleAsync()).Items.Select(r => r.Name));
        Assert.Null((await Client.GetGovernanceRecordAsync(name)).Schedule.NextReviewDue);
    }

    [Fact]
    public async Task An_unknown_review_outcome_is_refused()
    {
        var name = await GovernedModelAsync();
        var error = await Assert.ThrowsAsync<StewardApiException>(() => Client.RecordReviewAsync(name, "great"));
        Assert.Contains("expected one of satisfactory, needs_remediation, unsatisfactory", Refused(HttpStatusCode.BadRequest, error).Detail, StringComparison.Ordinal);
        Assert.Empty((await Client.ListReviewsAsync(name)).Items);
    }

    [Fact]
    public async Task The_registry_lists_by_domain_and_pages()
    {
        var domain = StewardServerFixture.Unique("unit");
        var names = new List<string>();
        for (var i = 0; i < 3; i++) names.Add(await GovernedModelAsync(domain));
        var first = await Client.ListGovernanceRecordsAsync(new GovernanceRecordSearch { Domain = domain, MaxResults = 2 });
        var second = await Client.ListGovernanceRecordsAsync(new GovernanceRecordSearch { Domain = domain, MaxResults = 2 }, first.NextPageToken);
        Assert.Null(second.NextPageToken);
        Assert.Equal(names.Order(StringComparer.Ordinal), first.Items.Concat(second.Items).Select(r => r.Name));
    }
}

public sealed class SqliteRiskRegistryApiTests(GovernanceServerFixture server) : RiskRegistryApiTests(server), IClassFixture<GovernanceServerFixture>;

public sealed class PostgresRiskRegistryApiTests(PostgresGovernanceServerFixture server) : RiskRegistryApiTests(server), IClassFixture<PostgresGovernanceServerFixture>;
