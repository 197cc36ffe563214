using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Steward.Audit;
using Steward.Errors;
using Steward.Ledger.Merkle;
using Steward.Ledger.Signing;
using Steward.Storage.Tests.Support;
using Steward.Tracking;

namespace Steward.Storage.Tests.Ledger;

/// <summary>
/// The ledger as the database keeps it, on SQLite and PostgreSQL: one entry per write in the
/// write's transaction, nothing for a failed write, and tampering with the stored rows caught by
/// verification at the entry that was touched. Each test opens its own database.
/// </summary>
public abstract class LedgerStoreContract(Func<StorageFixture> newFixture)
{
    private static CancellationToken None => CancellationToken.None;

    [Fact]
    public async Task each_write_appends_one_entry_with_contiguous_indexes_and_the_log_verifies()
    {
        await using var db = await OpenAsync();
        var experimentId = await NewExperimentAsync(db);
        var run = await NewRunAsync(db, experimentId);
        await db.Storage.Tracking.LogBatchAsync(TestChange.Next(), run, new RunBatch([new Metric("m", 1, 1, 0)], [new Param("p", "1")], []), None);

        var entries = await db.Storage.Ledger.ListEntriesAsync(new AuditEntryQuery(0, null, 100), None);
        Assert.Equal([0L, 1, 2], entries.Select(e => e.Index));
        Assert.Equal(["test.store", "test.store", "test.store"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal("store-test", e.Actor));
        Assert.Equal(3, (await db.Storage.Ledger.GetStateAsync(None)).TreeSize);
        AssertOk(await LedgerVerifier.VerifyStoreAsync(db.Storage.Ledger, null, None));
    }

    [Fact]
    public async Task a_rejected_batch_appends_nothing_and_writes_nothing()
    {
        await using var db = await OpenAsync();
        var run = await NewRunAsync(db, await NewExperimentAsync(db));
        await db.Storage.Tracking.LogBatchAsync(TestChange.Next(), run, new RunBatch([], [new Param("p", "1")], []), None);
        var before = (await db.Storage.Ledger.GetStateAsync(None)).TreeSize;

        // A changed param value rejects the whole batch after its metric was already inserted.
        var error = await Assert.ThrowsAsync<StewardException>(() =>
            db.Storage.Tracking.LogBatchAsync(TestChange.Next(), run, new RunBatch([new Metric("m", 1, 1, 0)], [new Param("p", "2")], []), None));
        Assert.Equal(ErrorCode.InvalidParameterValue, error.Code);

        Assert.Equal(before, (await db.Storage.Ledger.GetStateAsync(None)).TreeSize);
        Assert.Empty((await db.Storage.Tracking.GetRunAsync(run, None))!.Data.Metrics);
        AssertOk(await LedgerVerifier.VerifyStoreAsync(db.Storage.Ledger, null, None));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(9)]
    public async Task editing_an_entry_row_is_caught_at_that_entry(int index)
    {
        await using var db = await OpenWithEntriesAsync(10);
        await ExecuteAsync(db, $"UPDATE ledger_entries SET actor = 'mallory' WHERE seq = {index}");
        AssertFailsAt(index, await LedgerVerifier.VerifyStoreAsync(db.Storage.Ledger, null, None));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(9)]
    public async Task deleting_an_entry_row_is_caught_at_that_entry(int index)
    {
        await using var db = await OpenWithEntriesAsync(10);
        await ExecuteAsync(db, $"DELETE FROM ledger_entries WHERE seq = {index}");
        AssertFailsAt(index, await LedgerVerifier.VerifyStoreAsync(db.Storage.Ledger, null, None));
    }

    [Fact]
    public async Task swapping_two_entry_rows_is_caught_at_the_first_of_them()
    {
        await using var db = await OpenWithEntriesAsync(10);
        await ExecuteAsync(db, "UPDATE ledger_entries SET seq = -1 WHERE seq = 3");
        await ExecuteAsync(db, "UPDATE ledger_entries SET seq = 3 WHERE seq = 6");
        await ExecuteAsync(db, "UPDATE ledger_entries SET seq = 6 WHERE seq = -1");
        AssertFailsAt(3, await LedgerVerifier.VerifyStoreAsync(db.Storage.Ledger, null, None));
    }

    [Fact]
    public async Task rewriting_an_entry_with_all_its_hashes_is_caught_by_the_signed_head()
    {
        await using var db = await OpenWithEntriesAsync(8);
        using var signer = TreeHeadSigner.Generate();
        var audit = new AuditService(db.Storage.Ledger, signer, TimeProvider.System);
        await audit.GetHeadAsync(None);

        // Rewrite entry 5 and every stored hash above it, so that rows and nodes agree again.
        var entries = await db.Storage.Ledger.ListEntriesAsync(new AuditEntryQuery(0, null, 100), None);
        var forged = entries.Select(e => e.Index == 5 ? e with { Actor = "mallory" } : e).ToList();
        var range = new CompactRange();
        var nodes = new InMemoryNodeSource();
        foreach (var entry in forged) range.AppendEntry(entry.ToLeafBytes(), nodes);
        await ExecuteAsync(db, "UPDATE ledger_entries SET actor = 'mallory' WHERE seq = 5");
        foreach (var id in new[] { new NodeId(0, 5), new NodeId(1, 2), new NodeId(2, 1), new NodeId(3, 0) })
        {
            var hash = new byte[MerkleHash.Size];
            nodes.ReadNodes([id], hash);
            await ExecuteAsync(db, $"UPDATE ledger_nodes SET hash = {HexLiteral(db, hash)} WHERE level = {id.Level} AND idx = {id.Index}");
        }

        await ExecuteAsync(db, $"UPDATE ledger_state SET edge = {HexLiteral(db, range.RootHash())}");
        var result = await LedgerVerifier.VerifyStoreAsync(db.Storage.Ledger, signer.PublicKey, None);
        Assert.False(result.Ok);
        Assert.Contains("tree head", result.Problem, StringComparison.Ordinal);
        Assert.Equal(0, result.FirstBadEntry);
    }

    [Fact]
    public async Task heads_signed_by_another_key_are_refused()
    {
        await using var db = await OpenWithEntriesAsync(3);
        using var signer = TreeHeadSigner.Generate();
        using var other = TreeHeadSigner.Generate();
        await new AuditService(db.Storage.Ledger, other, TimeProvider.System).GetHeadAsync(None);
        var result = await LedgerVerifier.VerifyStoreAsync(db.Storage.Ledger, signer.PublicKey, None);
        Assert.False(result.Ok);
        Assert.Contains("signature", result.Problem, StringComparison.Ordinal);
    }

    protected async Task<Database> OpenAsync()
    {
        var fixture = newFixture();
        await fixture.InitializeAsync();
        return new Database(fixture);
    }

    private async Task<Database> OpenWithEntriesAsync(int count)
    {
        var db = await OpenAsync();
        var run = await NewRunAsync(db, await NewExperimentAsync(db));
        for (var i = 2; i < count; i++) await db.Storage.Tracking.LogBatchAsync(TestChange.Next(), run, new RunBatch([new Metric("m", i, i, i)], [], []), None);
        AssertOk(await LedgerVerifier.VerifyStoreAsync(db.Storage.Ledger, null, None));
        return db;
    }

    protected static Task<string> NewExperimentAsync(Database db) =>
        db.Storage.Tracking.CreateExperimentAsync(TestChange.Next(), $"exp-{Guid.NewGuid():N}", null, TrackingService.DefaultArtifactRoot, "default", [], 1, None);

    protected static async Task<string> NewRunAsync(Database db, string experimentId) =>
        (await db.Storage.Tracking.CreateRunAsync(TestChange.Next(), new NewRun(Guid.NewGuid().ToString("N"), experimentId, "r", "", 0, []), None)).Info.RunId;

    protected static void AssertOk(LedgerVerification result) => Assert.True(result.Ok, result.Problem);

    private static void AssertFailsAt(long index, LedgerVerification result)
    {
        Assert.False(result.Ok);
        Assert.Equal(index, result.FirstBadEntry);
        Assert.Contains($"entry {index}", result.Problem, StringComparison.Ordinal);
    }

    private static string HexLiteral(Database db, byte[] bytes) =>
        db.IsPostgres ? $"'\\x{Convert.ToHexStringLower(bytes)}'::bytea" : $"x'{Convert.ToHexStringLower(bytes)}'";

    /// <summary>Runs SQL on the database directly, the way someone with file or superuser access could.</summary>
    private static async Task ExecuteAsync(Database db, string sql)
    {
        await using DbConnection connection = db.IsPostgres
            ? new NpgsqlConnection(db.Fixture.Options.PostgresConnectionString)
            : new SqliteConnection($"Data Source={Path.Combine(db.Fixture.DataDirectory, "steward.db")};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A database of one test, dropped at the end.</summary>
    protected sealed class Database(StorageFixture fixture) : IAsyncDisposable
    {
        public StorageFixture Fixture => fixture;

        public AuditedStorage Storage => fixture.Storage;

        public bool IsPostgres => fixture.Options.PostgresConnectionString is not null;

        public ValueTask DisposeAsync() => new(fixture.DisposeAsync());
    }
}

public sealed class SqliteLedgerStoreTests() : LedgerStoreContract(() => new SqliteFixture());

public sealed class PostgresLedgerStoreTests() : LedgerStoreContract(() => new PostgresFixture());
