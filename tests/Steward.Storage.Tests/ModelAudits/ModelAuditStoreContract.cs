using Steward.Errors;
using Steward.ModelAudits;
using Steward.Registry;
using Steward.Storage.Tests.Support;

namespace Steward.Storage.Tests.ModelAudits;

/// <summary>What every <see cref="IModelAuditStore"/> must do, run against SQLite and PostgreSQL.</summary>
public abstract class ModelAuditStoreContract(StorageFixture fixture)
{
    private IModelAuditStore Store => fixture.Storage.ModelAudits;

    private IRegistryStore Registry => fixture.Storage.Registry;

    private static CancellationToken None => CancellationToken.None;

    private async Task<string> NewVersionAsync(int versions = 1)
    {
        var name = $"model-{Guid.NewGuid():N}";
        await Registry.CreateRegisteredModelAsync(TestChange.Next(), name, "", [], "alice", "default", 1000, None);
        for (var i = 0; i < versions; i++)
            await Registry.CreateModelVersionAsync(TestChange.Next(), new NewModelVersion(name, "mlflow-artifacts:/1/r/artifacts/model", null, [], "", "", "bob", 2000), None);
        return name;
    }

    private static NewModelAudit Audit(string name, int version, ModelAuditKind kind = ModelAuditKind.Fairness,
        ModelAuditVerdict verdict = ModelAuditVerdict.Failed) =>
        new(name, version, kind, "datasets/compas.csv", """{"sensitive":["race"]}""", """{"groups":[]}""", verdict, "2 groups below four-fifths");

    [Fact]
    public async Task A_recorded_audit_reads_back_whole()
    {
        var name = await NewVersionAsync();
        var added = await Store.AddAsync(TestChange.Next(), Audit(name, 1), "carol", None);
        var stored = await Store.GetAsync(added.Id, None);
        Assert.Equal(added, stored);
        Assert.Equal("carol", stored!.CreatedBy);
        Assert.Equal("""{"groups":[]}""", stored.ReportJson);
        Assert.Equal(ModelAuditVerdict.Failed, stored.Verdict);
    }

    [Fact]
    public async Task An_audit_is_stamped_with_the_storages_clock()
    {
        var name = await NewVersionAsync();
        var at = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);
        await using var clocked = await StewardStorage.OpenAsync(fixture.Options with { Clock = new FixedClock(at) }, None);

        var added = await clocked.ModelAudits.AddAsync(TestChange.Next(), Audit(name, 1), "carol", None);

        Assert.Equal(at, added.CreatedAt);
        Assert.Equal(at, (await Store.GetAsync(added.Id, None))!.CreatedAt);
    }

    [Fact]
    public async Task A_versions_audits_list_newest_first_and_filter_by_kind()
    {
        var name = await NewVersionAsync(versions: 2);
        var fairness = await Store.AddAsync(TestChange.Next(), Audit(name, 1), "carol", None);
        var drift = await Store.AddAsync(TestChange.Next(), Audit(name, 1, ModelAuditKind.Drift, ModelAuditVerdict.Passed), "carol", None);
        await Store.AddAsync(TestChange.Next(), Audit(name, 2), "carol", None);

        Assert.Equal([drift.Id, fairness.Id], (await Store.ListAsync(name, 1, null, None)).Select(a => a.Id));
        Assert.Equal([fairness.Id], (await Store.ListAsync(name, 1, ModelAuditKind.Fairness, None)).Select(a => a.Id));
    }

    [Fact]
    public async Task An_audit_of_a_missing_version_is_refused_and_nothing_is_stored()
    {
        var name = await NewVersionAsync();
        var error = await Assert.ThrowsAsync<StewardException>(() => Store.AddAsync(TestChange.Next(), Audit(name, 7), "carol", None));
        Assert.Equal(ErrorCode.ResourceDoesNotExist, error.Code);
        Assert.Empty(await Store.ListAsync(name, 1, null, None));
    }

    [Fact]
    public async Task Audits_follow_their_model_through_a_rename()
    {
        var name = await NewVersionAsync();
        var added = await Store.AddAsync(TestChange.Next(), Audit(name, 1), "carol", None);
        var renamed = name + "-renamed";
        await Registry.RenameRegisteredModelAsync(TestChange.Next(), name, renamed, 3000, None);
        var listed = Assert.Single(await Store.ListAsync(renamed, 1, null, None));
        Assert.Equal(added.Id, listed.Id);
        Assert.Equal(renamed, listed.ModelName);
    }

    [Fact]
    public async Task Recording_an_audit_appends_one_ledger_entry()
    {
        var name = await NewVersionAsync();
        var before = (await fixture.Storage.Ledger.GetStateAsync(None)).TreeSize;
        await Store.AddAsync(TestChange.Next(), Audit(name, 1), "carol", None);
        Assert.Equal(before + 1, (await fixture.Storage.Ledger.GetStateAsync(None)).TreeSize);
    }
}

public sealed class SqliteModelAuditStoreTests(SqliteFixture fixture) : ModelAuditStoreContract(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresModelAuditStoreTests(PostgresFixture fixture) : ModelAuditStoreContract(fixture), IClassFixture<PostgresFixture>;
