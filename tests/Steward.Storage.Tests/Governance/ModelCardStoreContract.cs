using Steward.Errors;
using Steward.Governance.ModelCards;
using Steward.Storage.Tests.Support;

namespace Steward.Storage.Tests.Governance;

/// <summary>What every <see cref="IModelCardStore"/> must do, run against SQLite and PostgreSQL.</summary>
public abstract class ModelCardStoreContract(StorageFixture fixture) : GovernanceContract(fixture)
{
    private IModelCardStore Store => Stores.ModelCards;

    private static ModelCard Card(string name, int revision, string text) => new(name, 1, revision, "alice", 1000L * revision,
    [
        new ModelCardSection("model_details", "Model details", [new CardFact("Model", name)], [new CardTable("Params", ["k", "v"], [["lr", "0.1"]])], "", null, null),
        new ModelCardSection("factors", "Factors", [], [], text, "alice", 1000L * revision),
    ]);

    [Fact]
    public async Task Revisions_read_back_whole_and_the_newest_is_the_default()
    {
        var name = await NewModelAsync();
        await Store.AddRevisionAsync(TestChange.Next(), Card(name, 1, "first"), None);
        await Store.AddRevisionAsync(TestChange.Next(), Card(name, 2, "second"), None);

        var newest = await Store.GetAsync(name, 1, null, None);
        Assert.Equal(2, newest!.Revision);
        Assert.Equal("second", newest.Section("factors").Text);
        Assert.Equal(["lr", "0.1"], newest.Section("model_details").Tables.Single().Rows.Single());
        Assert.Equal("first", (await Store.GetAsync(name, 1, 1, None))!.Section("factors").Text);
        Assert.Equal([1, 2], (await Store.ListAsync(name, 1, None)).Select(c => c.Revision));
    }

    [Fact]
    public async Task A_revision_that_does_not_follow_the_newest_is_refused()
    {
        var name = await NewModelAsync();
        await Store.AddRevisionAsync(TestChange.Next(), Card(name, 1, "first"), None);
        await ThrowsAsync(ErrorCode.ResourceAlreadyExists, () => Store.AddRevisionAsync(TestChange.Next(), Card(name, 1, "again"), None));
        await ThrowsAsync(ErrorCode.ResourceAlreadyExists, () => Store.AddRevisionAsync(TestChange.Next(), Card(name, 3, "skip"), None));
        Assert.Equal("first", (await Store.GetAsync(name, 1, null, None))!.Section("factors").Text);
    }

    [Fact]
    public async Task A_card_for_an_unknown_version_is_not_found()
    {
        var name = await NewModelAsync();
        await ThrowsAsync(ErrorCode.ResourceDoesNotExist, () => Store.AddRevisionAsync(TestChange.Next(), Card(name, 1, "x") with { Version = 4 }, None));
        Assert.Null(await Store.GetAsync(name, 4, null, None));
    }
}

public sealed class SqliteModelCardStoreTests(SqliteFixture fixture) : ModelCardStoreContract(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresModelCardStoreTests(PostgresFixture fixture) : ModelCardStoreContract(fixture), IClassFixture<PostgresFixture>;
