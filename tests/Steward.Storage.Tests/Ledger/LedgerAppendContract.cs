using Steward.Audit;
using Steward.Ledger.Merkle;
using Steward.Ledger.Signing;
using Steward.Storage.Ledger;
using Steward.Storage.Sql;
using Steward.Storage.Tests.Support;
using Steward.Tracking;

namespace Steward.Storage.Tests.Ledger;

/// <summary>
/// How entries get into the log, on SQLite and PostgreSQL: batches of entries appended in one
/// transaction, mixed with the one-entry appends of writes, and many appenders at once. Every
/// log is checked by the verifier, which recomputes every leaf and node from the entry rows.
/// </summary>
public abstract class LedgerAppendContract(Func<StorageFixture> newFixture)
{
    private static CancellationToken None => CancellationToken.None;

    [Fact]
    public async Task a_batch_appends_its_entries_in_order_at_contiguous_indexes()
    {
        await using var fixture = await OpenAsync();
        var ledger = fixture.Storage.Ledger;
        var batch = Entries("batch", 300);

        var first = await ledger.AppendBatchAsync(batch, None);

        Assert.Equal(0, first);
        var stored = await ledger.ListEntriesAsync(new AuditEntryQuery(0, null, 1_000), None);
        Assert.Equal(Enumerable.Range(0, 300).Select(i => (long)i), stored.Select(e => e.Index));
        Assert.Equal(batch, stored.Select(e => new NewAuditEntry(e.Actor, e.Action, e.Resource, e.PayloadDigest)));
        Assert.All(stored, e => Assert.Equal(AuditEntry.Ok, e.Outcome));
        Assert.Equal(300, (await ledger.GetStateAsync(None)).TreeSize);
        AssertOk(await LedgerVerifier.VerifyStoreAsync(ledger, null, None));
    }

    [Fact]
    public async Task a_batch_builds_the_tree_the_ledger_library_builds_from_the_same_entries()
    {
        await using var fixture = await OpenAsync();
        var ledger = fixture.Storage.Ledger;
        await ledger.AppendBatchAsync(Entries("a", 77), None);
        await ledger.AppendBatchAsync(Entries("b", 51), None);

        var range = new CompactRange();
        var nodes = new InMemoryNodeSource();
        foreach (var entry in await ledger.ListEntriesAsync(new AuditEntryQuery(0, null, 1_000), None)) range.AppendEntry(entry.ToLeafBytes(), nodes);
        using var signer = TreeHeadSigner.Generate();
        var audit = new AuditService(ledger, signer, TimeProvider.System);
        Assert.Equal(range.RootHash(), await audit.RootAsync(128, None));
        for (var size = 1L; size <= 128; size += 9)
        {
            Assert.Equal(MerkleTree.RootHash(nodes, size), await audit.RootAsync(size, None));
        }
    }

    [Fact]
    public async Task batches_and_single_writes_interleave_into_one_log()
    {
        await using var fixture = await OpenAsync();
        var storage = fixture.Storage;
        var experimentId = await storage.Tracking.CreateExperimentAsync(TestChange.Next(), $"e-{Guid.NewGuid():N}", null, TrackingService.DefaultArtifactRoot, "default", [], 1, None);
        var first = await storage.Ledger.AppendBatchAsync(Entries("x", 5), None);
        await storage.Tracking.CreateRunAsync(TestChange.Next(), new NewRun(Guid.NewGuid().ToString("N"), experimentId, "r", "", 0, []), None);
        var second = await storage.Ledger.AppendBatchAsync(Entries("y", 3), None);

        Assert.Equal(1, first);
        Assert.Equal(7, second);
        var actions = (await storage.Ledger.ListEntriesAsync(new AuditEntryQuery(0, null, 100), None)).Select(e => e.Action).ToList();
        Assert.Equal(["test.store", "x.0", "x.1", "x.2", "x.3", "x.4", "test.store", "y.0", "y.1", "y.2"], actions);
        AssertOk(await LedgerVerifier.VerifyStoreAsync(storage.Ledger, null, None));
    }

    [Fact]
    public async Task an_empty_batch_appends_nothing_and_returns_the_size()
    {
        await using var fixture = await OpenAsync();
        await fixture.Storage.Ledger.AppendBatchAsync(Entries("a", 2), None);
        Assert.Equal(2, await fixture.Storage.Ledger.AppendBatchAsync([], None));
        Assert.Equal(2, (await fixture.Storage.Ledger.GetStateAsync(None)).TreeSize);
    }

    [Fact]
    public async Task entry_times_never_go_back_along_the_log()
    {
        await using var fixture = await OpenAsync();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 25; i++) await fixture.Storage.Ledger.AppendBatchAsync(Entries($"w{w}", 1 + (i % 3)), None);
        })));

        var times = (await fixture.Storage.Ledger.ListEntriesAsync(new AuditEntryQuery(0, null, 1_000), None)).Select(e => e.Timestamp).ToList();
        Assert.Equal(times.Order(), times);
    }

    [Fact]
    public async Task concurrent_appenders_on_two_servers_leave_no_gaps_and_no_forks()
    {
        await using var fixture = await OpenAsync();
        await using var other = await fixture.Fixture.OpenAnotherAsync();
        var ledgers = new[] { fixture.Storage.Ledger, other.Ledger };
        var experimentId = await fixture.Storage.Tracking.CreateExperimentAsync(TestChange.Next(), $"e-{Guid.NewGuid():N}", null, TrackingService.DefaultArtifactRoot, "default", [], 1, None);
        var trackers = new[] { fixture.Storage.Tracking, other.Tracking };

        // Per server: a writer of single-entry writes and a writer of batches, all at once.
        var tasks = new List<Task>();
        for (var s = 0; s < 2; s++)
        {
            var server = s;
            tasks.Add(Task.Run(async () =>
            {
                for (var i = 0; i < 40; i++) await trackers[server].CreateRunAsync(TestChange.Next(), new NewRun(Guid.NewGuid().ToString("N"), experimentId, $"s{server}-{i}", "", 0, []), None);
            }));
            tasks.Add(Task.Run(async () =>
            {
                for (var i = 0; i < 20; i++) await ledgers[server].AppendBatchAsync(Entries($"s{server}b{i}", 10), None);
            }));
        }

        await Task.WhenAll(tasks);

        const long Expected = 1 + (2 * 40) + (2 * 20 * 10);
        Assert.Equal(Expected, (await other.Ledger.GetStateAsync(None)).TreeSize);
        var entries = await fixture.Storage.Ledger.ListEntriesAsync(new AuditEntryQuery(0, null, 10_000), None);
        Assert.Equal(Enumerable.Range(0, (int)Expected).Select(i => (long)i), entries.Select(e => e.Index));
        // A batch is never split by another append.
        foreach (var batch in entries.Where(e => e.Action.EndsWith(".0", StringComparison.Ordinal)))
        {
            var prefix = batch.Action[..^2];
            Assert.Equal(Enumerable.Range(0, 10).Select(i => $"{prefix}.{i}"), entries.Skip((int)batch.Index).Take(10).Select(e => e.Action));
        }

        AssertOk(await LedgerVerifier.VerifyStoreAsync(other.Ledger, null, None));
    }

    [Fact]
    public async Task storage_with_an_appender_that_records_nothing_commits_writes_and_appends_nothing()
    {
        await using var fixture = await OpenAsync();
        await using var bare = new AuditedStorage(await StewardStorage.OpenAsync(fixture.Fixture.Options, new RecordsNothing(), None));

        var experimentId = await bare.Tracking.CreateExperimentAsync(TestChange.Next(), $"e-{Guid.NewGuid():N}", null, TrackingService.DefaultArtifactRoot, "default", [], 1, None);

        Assert.NotNull(await bare.Tracking.GetExperimentAsync(experimentId, None));
        Assert.Equal(0, (await fixture.Storage.Ledger.GetStateAsync(None)).TreeSize);
        Assert.Empty(await fixture.Storage.Ledger.ListEntriesAsync(new AuditEntryQuery(0, null, 10), None));
    }

    /// <summary>Distinct entries: action "<paramref name="name"/>.i", a resource and digest of their own.</summary>
    private static List<NewAuditEntry> Entries(string name, int count) =>
        Enumerable.Range(0, count)
            .Select(i => new NewAuditEntry("batch-test", $"{name}.{i}", $"run/{name}-{i}", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(i)))))
            .ToList();

    /// <summary>The ledger-cost benchmark's stand-in: writes commit, nothing reaches the ledger.</summary>
    private sealed class RecordsNothing : ILedgerAppender
    {
        public Task SavePayloadAsync(SqlSession session, string digest, byte[] payload) => Task.CompletedTask;

        public Task<long> AppendAsync(SqlSession session, IReadOnlyList<NewAuditEntry> entries, bool commit) => Task.FromResult(0L);
    }

    private static void AssertOk(LedgerVerification result) => Assert.True(result.Ok, result.Problem);

    private async Task<Opened> OpenAsync()
    {
        var fixture = newFixture();
        await fixture.InitializeAsync();
        return new Opened(fixture);
    }

    private sealed class Opened(StorageFixture fixture) : IAsyncDisposable
    {
        public StorageFixture Fixture => fixture;

        public AuditedStorage Storage => fixture.Storage;

        public ValueTask DisposeAsync() => new(fixture.DisposeAsync());
    }
}

public sealed class SqliteLedgerAppendTests() : LedgerAppendContract(() => new SqliteFixture());

public sealed class PostgresLedgerAppendTests() : LedgerAppendContract(() => new PostgresFixture());
