using Steward.Governance.Configuration;
using Steward.Storage.Tests.Support;

namespace Steward.Storage.Tests.Governance;

/// <summary>What every <see cref="IGovernanceDocumentStore"/> must do, run against SQLite and PostgreSQL.</summary>
public abstract class GovernanceDocumentStoreContract(StorageFixture fixture) : GovernanceContract(fixture)
{
    private IGovernanceDocumentStore Store => Stores.Documents;

    [Fact]
    public async Task Versions_number_from_one_and_read_back_exactly()
    {
        var name = $"doc-{Guid.NewGuid():N}";
        var first = await Store.AddAsync(TestChange.Next(), "checklist_template", name, "name: a\n", "h1", "alice", 1000, None);
        var second = await Store.AddAsync(TestChange.Next(), "checklist_template", name, "name: b\n", "h2", "bob", 2000, None);
        Assert.Equal((1, 2), (first.Version, second.Version));
        Assert.Equal(second, await Store.GetAsync("checklist_template", name, null, None));
        Assert.Equal(first, await Store.GetAsync("checklist_template", name, 1, None));
        Assert.Null(await Store.GetAsync("checklist_template", name, 3, None));
        Assert.Equal([first, second], await Store.ListVersionsAsync("checklist_template", name, None));
    }

    [Fact]
    public async Task Latest_lists_the_newest_version_of_each_name_of_a_kind()
    {
        var kind = $"kind-{Guid.NewGuid():N}";
        await Store.AddAsync(TestChange.Next(), kind, "b", "1", "h", "alice", 1, None);
        await Store.AddAsync(TestChange.Next(), kind, "a", "1", "h", "alice", 1, None);
        await Store.AddAsync(TestChange.Next(), kind, "b", "2", "h", "alice", 2, None);
        await Store.AddAsync(TestChange.Next(), "other", "a", "1", "h", "alice", 1, None);
        var latest = await Store.ListLatestAsync(kind, None);
        Assert.Equal([("a", 1), ("b", 2)], latest.Select(d => (d.Name, d.Version)));
    }
}

public sealed class SqliteGovernanceDocumentStoreTests(SqliteFixture fixture) : GovernanceDocumentStoreContract(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresGovernanceDocumentStoreTests(PostgresFixture fixture) : GovernanceDocumentStoreContract(fixture), IClassFixture<PostgresFixture>;
