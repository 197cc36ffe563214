using System.Diagnostics;
using Steward.Audit;

namespace Steward.Replicas.Bench;

/// <summary>Single ledger appends (one entry, one transaction) from concurrent writers, straight to the store.</summary>
internal static class AppendLoad
{
    public static async Task<double> RunAsync(Cluster cluster, int writers, TimeSpan duration)
    {
        await using var storage = await cluster.OpenStorageAsync();
        await AppendForAsync(storage.Ledger, writers, TimeSpan.FromSeconds(2));
        var clock = Stopwatch.StartNew();
        var count = await AppendForAsync(storage.Ledger, writers, duration);
        return count / clock.Elapsed.TotalSeconds;
    }

    private static async Task<long> AppendForAsync(ILedgerStore ledger, int writers, TimeSpan duration)
    {
        long count = 0;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var end = Stopwatch.StartNew();
            while (end.Elapsed < duration)
            {
                await ledger.AppendAsync(AuditedChange.Standalone("bench", "bench.append", $"bench/{w}", null, AuditEntry.Ok), CancellationToken.None);
                Interlocked.Increment(ref count);
            }
        })));
        return count;
    }
}
