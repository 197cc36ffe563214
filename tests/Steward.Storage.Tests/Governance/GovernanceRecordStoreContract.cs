using Steward.Errors;
using Steward.Governance.Records;
using Steward.Registry;
using Steward.Storage.Tests.Support;

namespace Steward.Storage.Tests.Governance;

/// <summary>What every <see cref="IGovernanceRecordStore"/> must do, run against SQLite and PostgreSQL.</summary>
public abstract class GovernanceRecordStoreContract(StorageFixture fixture) : GovernanceContract(fixture)
{
    private IGovernanceRecordStore Store => Stores.Records;

    private static GovernanceRecordChanges Owned(string owner = "alice") => new(Owner: owner);

    [Fact]
    public async Task A_new_record_reads_back_with_every_field()
    {
        var name = await NewModelAsync(domain: "emea");
        var (record, created) = await Store.UpsertAsync(TestChange.Next(), name, new GovernanceRecordChanges("alice", "emea", "keep customers", "offers only", "customers", "churn", GovernanceStatus.Active, ["gdpr", "sox"]), "carol", 5000, None);
        Assert.True(created);
        var stored = await Store.GetAsync(name, None);
        Assert.Equal(record.UpdatedAt, stored!.UpdatedAt);
        Assert.Equal(("alice", "emea", "churn", GovernanceStatus.Active), (stored.Owner, stored.Domain, stored.Target, stored.Status));
        Assert.Equal(["gdpr", "sox"], stored.Checklists);
        Assert.Equal(("carol", 5000L), (stored.CreatedBy, stored.CreatedAt));
        Assert.Null(stored.LastReview);
    }

    [Fact]
    public async Task Changing_a_record_keeps_the_fields_left_out()
    {
        var name = await NewModelAsync(domain: "emea");
        await Store.UpsertAsync(TestChange.Next(), name, new GovernanceRecordChanges("alice", Purpose: "keep customers"), "carol", 5000, None);
        var (record, created) = await Store.UpsertAsync(TestChange.Next(), name, new GovernanceRecordChanges(Owner: "bob", Status: GovernanceStatus.Suspended), "dave", 6000, None);
        Assert.False(created);
        Assert.Equal(("bob", "emea", "keep customers", GovernanceStatus.Suspended), (record.Owner, record.Domain, record.Purpose, record.Status));
        Assert.Equal(("carol", 5000L, "dave", 6000L), (record.CreatedBy, record.CreatedAt, record.UpdatedBy, record.UpdatedAt));
        Assert.Equal("bob", (await Store.GetAsync(name, None))!.Owner);
    }

    [Fact]
    public async Task A_new_record_without_owner_is_refused_and_nothing_is_written()
    {
        var name = await NewModelAsync();
        var before = await LedgerSizeAsync();
        var error = await ThrowsAsync(ErrorCode.InvalidParameterValue, () => Store.UpsertAsync(TestChange.Next(), name, new GovernanceRecordChanges(Purpose: "x"), "carol", 5000, None));
        Assert.Contains("'owner'", error.Message, StringComparison.Ordinal);
        Assert.Null(await Store.GetAsync(name, None));
        Assert.Equal(before, await LedgerSizeAsync());
    }

    [Fact]
    public async Task A_record_takes_its_models_domain_when_none_is_named()
    {
        var name = await NewModelAsync(domain: "credit-risk");
        var (record, _) = await Store.UpsertAsync(TestChange.Next(), name, Owned(), "carol", 5000, None);
        Assert.Equal("credit-risk", record.Domain);
        Assert.Equal("credit-risk", (await Store.GetAsync(name, None))!.Domain);
    }

    [Fact]
    public async Task A_record_naming_another_domain_than_its_models_is_refused_and_nothing_is_written()
    {
        var name = await NewModelAsync(domain: "credit-risk");
        var before = await LedgerSizeAsync();
        var error = await ThrowsAsync(ErrorCode.InvalidParameterValue, () => Store.UpsertAsync(TestChange.Next(), name, new GovernanceRecordChanges("alice", "emea"), "carol", 5000, None));
        Assert.Contains("'credit-risk', not 'emea'", error.Message, StringComparison.Ordinal);
        Assert.Null(await Store.GetAsync(name, None));
        Assert.Equal(before, await LedgerSizeAsync());
    }

    [Fact]
    public async Task A_records_domain_follows_its_model_to_another_domain()
    {
        var name = await NewModelAsync(domain: "credit-risk");
        await Store.UpsertAsync(TestChange.Next(), name, Owned(), "carol", 5000, None);
        await Registry.SetModelDomainAsync(TestChange.Next(), name, "retail", 6000, None);
        Assert.Equal("retail", (await Store.GetAsync(name, None))!.Domain);
        Assert.Equal([name], (await Store.ListAsync(new GovernanceRecordFilter(Domain: "retail"), None)).Select(r => r.ModelName).Where(n => n == name));
        Assert.DoesNotContain(name, (await Store.ListAsync(new GovernanceRecordFilter(Domain: "credit-risk"), None)).Select(r => r.ModelName));
    }

    [Fact]
    public async Task Production_versions_are_listed_for_models_with_a_record()
    {
        var name = await NewModelAsync(versions: 3);
        var unrecorded = await NewModelAsync();
        await Store.UpsertAsync(TestChange.Next(), name, Owned(), "carol", 5000, None);
        await Registry.TransitionStageAsync(TestChange.Next(), name, 3, ModelStage.Production, false, 6000, None);
        await Registry.TransitionStageAsync(TestChange.Next(), name, 1, ModelStage.Production, false, 6000, None);
        await Registry.TransitionStageAsync(TestChange.Next(), name, 2, ModelStage.Staging, false, 6000, None);
        await Registry.TransitionStageAsync(TestChange.Next(), unrecorded, 1, ModelStage.Production, false, 6000, None);

        Assert.Equal([1, 3], (await Store.ListProductionVersionsAsync(name, None))[name]);
        var all = await Store.ListProductionVersionsAsync(null, None);
        Assert.Equal([1, 3], all[name]);
        Assert.False(all.ContainsKey(unrecorded));
    }

    [Fact]
    public async Task A_record_for_an_unknown_model_is_not_found()
    {
        await ThrowsAsync(ErrorCode.ResourceDoesNotExist, () => Store.UpsertAsync(TestChange.Next(), "no-such-model", Owned(), "carol", 5000, None));
    }

    [Fact]
    public async Task A_record_follows_its_model_through_a_rename()
    {
        var name = await NewModelAsync();
        await Store.UpsertAsync(TestChange.Next(), name, Owned(), "carol", 5000, None);
        await Registry.RenameRegisteredModelAsync(TestChange.Next(), name, name + "-renamed", 6000, None);
        Assert.Equal(name + "-renamed", (await Store.GetAsync(name + "-renamed", None))!.ModelName);
        Assert.Null(await Store.GetAsync(name, None));
    }

    [Fact]
    public async Task Records_list_by_name_filtered_by_domain_owner_and_status()
    {
        var domain = $"unit-{Guid.NewGuid():N}"[..30];
        var a = await NewModelAsync(domain: domain);
        var b = await NewModelAsync(domain: domain);
        var c = await NewModelAsync(domain: "elsewhere");
        await Store.UpsertAsync(TestChange.Next(), a, Owned("alice"), "carol", 1, None);
        await Store.UpsertAsync(TestChange.Next(), b, new GovernanceRecordChanges("bob", Status: GovernanceStatus.Active), "carol", 1, None);
        await Store.UpsertAsync(TestChange.Next(), c, Owned("alice"), "carol", 1, None);

        Assert.Equal(new[] { a, b }.Order(StringComparer.Ordinal), (await Store.ListAsync(new GovernanceRecordFilter(Domain: domain), None)).Select(r => r.ModelName));
        Assert.Equal([b], (await Store.ListAsync(new GovernanceRecordFilter(Domain: domain, Status: GovernanceStatus.Active), None)).Select(r => r.ModelName));
        Assert.Equal([a], (await Store.ListAsync(new GovernanceRecordFilter(Domain: domain, Owner: "alice"), None)).Select(r => r.ModelName));
    }

    [Fact]
    public async Task A_review_becomes_the_records_last_and_reviews_list_newest_first()
    {
        var name = await NewModelAsync();
        await Store.UpsertAsync(TestChange.Next(), name, Owned(), "carol", 5000, None);
        await Store.AddReviewAsync(TestChange.Next(), name, ReviewOutcome.NeedsRemediation, "drift in q3", "rita", 7000, None);
        var second = await Store.AddReviewAsync(TestChange.Next(), name, ReviewOutcome.Satisfactory, "fixed", "rita", 8000, None);

        Assert.Equal(second, (await Store.GetAsync(name, None))!.LastReview);
        Assert.Equal([ReviewOutcome.Satisfactory, ReviewOutcome.NeedsRemediation], (await Store.ListReviewsAsync(name, None)).Select(r => r.Outcome));
    }

    [Fact]
    public async Task A_model_without_a_record_cannot_be_reviewed()
    {
        var name = await NewModelAsync();
        await ThrowsAsync(ErrorCode.ResourceDoesNotExist, () => Store.AddReviewAsync(TestChange.Next(), name, ReviewOutcome.Satisfactory, "", "rita", 7000, None));
        Assert.Empty(await Store.ListReviewsAsync(name, None));
    }
}

public sealed class SqliteGovernanceRecordStoreTests(SqliteFixture fixture) : GovernanceRecordStoreContract(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresGovernanceRecordStoreTests(PostgresFixture fixture) : GovernanceRecordStoreContract(fixture), IClassFixture<PostgresFixture>;
