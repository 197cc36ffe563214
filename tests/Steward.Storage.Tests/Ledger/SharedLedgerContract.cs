using Steward.Audit;
using Steward.Ledger.Merkle;
using Steward.Ledger.Signing;
using Steward.Storage.Tests.Support;
using Steward.Tracking;

namespace Steward.Storage.Tests.Ledger;

/// <summary>
/// Two servers (two independent <see cref="StewardStorage"/> instances) on one database,
/// written to concurrently, keep one log: no gaps, no forks, and every head either server
/// signs is consistent with every later one.
/// </summary>
public abstract class SharedLedgerContract(StorageFixture fixture)
{
    private const int WritesPerServer = 60;

    private static CancellationToken None => CancellationToken.None;

    [Fact]
    public async Task two_servers_writing_concurrently_produce_one_log_with_no_gaps_and_consistent_heads()
    {
        await using var first = await fixture.OpenAnotherAsync();
        await using var second = await fixture.OpenAnotherAsync();
        using var key = TreeHeadSigner.Generate(); // replicas share the key file
        var audits = new[] { new AuditService(first.Ledger, key, TimeProvider.System), new AuditService(second.Ledger, key, TimeProvider.System) };
        var start = (await first.Ledger.GetStateAsync(None)).TreeSize;

        var experimentId = await first.Tracking.CreateExperimentAsync(TestChange.Next(), $"shared-{Guid.NewGuid():N}", null, TrackingService.DefaultArtifactRoot, "default", [], 1, None);
        var heads = new List<SignedTreeHead>();
        var servers = new[] { first, second };
        await Task.WhenAll(servers.Select((server, s) => Task.Run(async () =>
        {
            for (var i = 0; i < WritesPerServer; i++)
            {
                var run = await server.Tracking.CreateRunAsync(TestChange.Next(), new NewRun(Guid.NewGuid().ToString("N"), experimentId, $"s{s}-{i}", "", 0, []), None);
                await server.Tracking.LogBatchAsync(TestChange.Next(), run.Info.RunId, new RunBatch([new Metric("m", i, 1, 0)], [], []), None);
                if (i % 10 == 0)
                {
                    var head = await audits[s].GetHeadAsync(None);
                    lock (heads) heads.Add(head);
                }
            }
        })));
        heads.Add(await audits[1].GetHeadAsync(None));

        var expected = start + 1 + (2 * 2 * WritesPerServer);
        var state = await second.Ledger.GetStateAsync(None);
        Assert.Equal(expected, state.TreeSize);
        var entries = await first.Ledger.ListEntriesAsync(new AuditEntryQuery(start, null, 10_000), None);
        Assert.Equal(Enumerable.Range((int)start, (int)(expected - start)).Select(i => (long)i), entries.Select(e => e.Index));
        Assert.True((await LedgerVerifier.VerifyStoreAsync(first.Ledger, key.PublicKey, None)).Ok);

        // Every pair of heads, whichever server signed them, is an append-only extension.
        var ordered = heads.OrderBy(h => h.Head.TreeSize).ToList();
        var latest = ordered[^1];
        Assert.True(latest.IsSignedBy(key.PublicKey));
        foreach (var head in ordered.Where(h => h.Head.TreeSize > 0))
        {
            var proof = await audits[0].ConsistencyProofAsync(head.Head.TreeSize, latest.Head.TreeSize, None);
            Assert.True(MerkleVerifier.VerifyConsistency(head.Head.TreeSize, latest.Head.TreeSize, head.Head.RootHash, latest.Head.RootHash, proof));
        }
    }
}

public sealed class SqliteSharedLedgerTests(SqliteFixture fixture) : SharedLedgerContract(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresSharedLedgerTests(PostgresFixture fixture) : SharedLedgerContract(fixture), IClassFixture<PostgresFixture>;
