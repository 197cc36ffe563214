using System.Diagnostics;
using System.Globalization;
using Steward.Audit;
using Steward.Ledger.Merkle;
using Steward.Ledger.Signing;

namespace Steward.LedgerStore.Bench;

/// <summary>Runs the measurements against one store and prints them as tables.</summary>
internal sealed class LedgerStoreBenchmark(ILedgerStore ledger, LedgerStoreBenchOptions options)
{
    private const double BatchedTarget = 50_000;
    private const double ProofTargetMicroseconds = 1_000;
    private const double VerifyTargetSeconds = 10;

    /// <summary>Proofs checked against the root with the independent verifier, per kind and size.</summary>
    private const int CheckedProofs = 50;

    private static readonly ICurrentActor Actor = new BenchActor();

    private long _size;

    public async Task RunAsync()
    {
        Console.WriteLine();
        Console.WriteLine($"Appends: entry row, leaf and completed subtree hashes, new state, one commit per transaction (target, batched on SQLite: {BatchedTarget:N0} entries/s)");
        Row("mode", "entries", "seconds", "entries/s");
        await MeasureSingleAppendsAsync(writers: 1);
        if (options.Writers > 1) await MeasureSingleAppendsAsync(options.Writers);
        await MeasureBatchedAppendsAsync();

        using var signer = TreeHeadSigner.Generate();
        var audit = new AuditService(ledger, signer, TimeProvider.System);
        var milestones = options.Sizes.Append(options.Verify).Where(s => s > 0).Distinct().Order().ToList();
        var proofs = new List<string[]>();
        string[]? verification = null;
        Console.WriteLine();
        Console.WriteLine($"Building the log ({options.Batch:N0} entries per transaction)");
        Row("up to", "entries", "seconds", "entries/s");
        foreach (var size in milestones)
        {
            await BuildAsync(size);
            if (size == options.Verify) verification = await MeasureVerificationAsync();
            if (options.Sizes.Contains(size)) proofs.AddRange(await MeasureProofsAsync(audit, size));
        }

        Console.WriteLine();
        Console.WriteLine($"Proofs read from the database, {options.Samples:N0} random positions each, as the API serves them (target: under {ProofTargetMicroseconds:N0} µs)");
        Row("tree size", "operation", "p50 µs", "p95 µs", "p99 µs", "max µs", "checked");
        foreach (var row in proofs) Row(row);

        if (verification is not null)
        {
            Console.WriteLine();
            Console.WriteLine($"Full verification from storage, what `steward audit verify` does (target: 1,000,000 entries under {VerifyTargetSeconds:N0} s)");
            Row("work", "entries", "seconds", "entries/s");
            Row(verification);
        }
    }

    private async Task MeasureSingleAppendsAsync(int writers)
    {
        var next = _size;
        var end = _size + options.Single;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            long position;
            while ((position = Interlocked.Increment(ref next) - 1) < end)
            {
                var entry = SyntheticAudit.Entry(position);
                await ledger.AppendAsync(AuditedChange.WithDigest(Actor, entry.Action, entry.Resource, entry.PayloadDigest), CancellationToken.None);
            }
        })));
        clock.Stop();
        _size = end;
        Row($"single, {writers} writer{(writers == 1 ? "" : "s")}", N(options.Single), F(clock.Elapsed.TotalSeconds, 2), N(options.Single / clock.Elapsed.TotalSeconds));
    }

    private async Task MeasureBatchedAppendsAsync()
    {
        var clock = Stopwatch.StartNew();
        var entries = await AppendBatchesAsync(_size + options.Batched);
        clock.Stop();
        var rate = entries / clock.Elapsed.TotalSeconds;
        Row($"batched, {options.Batch:N0} per transaction", N(entries), F(clock.Elapsed.TotalSeconds, 2), N(rate));
    }

    private async Task BuildAsync(long size)
    {
        if (size <= _size) return;
        var clock = Stopwatch.StartNew();
        var entries = await AppendBatchesAsync(size);
        Row(N(size), N(entries), F(clock.Elapsed.TotalSeconds, 1), N(entries / clock.Elapsed.TotalSeconds));
    }

    /// <summary>Appends batches until the log holds <paramref name="size"/> entries; returns how many were appended.</summary>
    private async Task<long> AppendBatchesAsync(long size)
    {
        var start = _size;
        var lastReport = Stopwatch.StartNew();
        while (_size < size)
        {
            var count = (int)Math.Min(options.Batch, size - _size);
            var first = await ledger.AppendBatchAsync(SyntheticAudit.Entries(_size, count), CancellationToken.None);
            Check(first == _size, $"a batch was appended at {first}, expected {_size}");
            _size += count;
            if (lastReport.Elapsed.TotalSeconds >= 10)
            {
                Console.Error.WriteLine($"  {_size:N0} entries...");
                lastReport.Restart();
            }
        }

        return _size - start;
    }

    private async Task<List<string[]>> MeasureProofsAsync(AuditService audit, long size)
    {
        var random = new Random(6962);
        var root = await audit.RootAsync(size, CancellationToken.None);
        var inclusion = new double[options.Samples];
        var consistency = new double[options.Samples];
        for (var warm = 0; warm < 100; warm++)
        {
            await audit.InclusionProofAsync(random.NextInt64(size), size, CancellationToken.None);
            await audit.ConsistencyProofAsync(random.NextInt64(1, size), size, CancellationToken.None);
        }

        for (var s = 0; s < options.Samples; s++)
        {
            var index = random.NextInt64(size);
            var start = Stopwatch.GetTimestamp();
            var (leaf, path) = await audit.InclusionProofAsync(index, size, CancellationToken.None);
            inclusion[s] = Micros(start);
            if (s < CheckedProofs)
            {
                var stored = StoredLeaf(index, await EntryAsync(index));
                Check(leaf.AsSpan().SequenceEqual(MerkleHash.HashLeaf(stored)), $"leaf {index} is the entry's");
                Check(MerkleVerifier.VerifyInclusion(index, size, leaf, path, root), $"inclusion proof ({index}, {size})");
            }

            var first = random.NextInt64(1, size);
            start = Stopwatch.GetTimestamp();
            var proof = await audit.ConsistencyProofAsync(first, size, CancellationToken.None);
            consistency[s] = Micros(start);
            if (s < CheckedProofs)
            {
                var firstRoot = await audit.RootAsync(first, CancellationToken.None);
                Check(MerkleVerifier.VerifyConsistency(first, size, firstRoot, root, proof), $"consistency proof ({first}, {size})");
            }
        }

        return [LatencyRow(size, "inclusion proof", inclusion), LatencyRow(size, "consistency proof", consistency)];
    }

    private async Task<string[]> MeasureVerificationAsync()
    {
        var clock = Stopwatch.StartNew();
        var result = await LedgerVerifier.VerifyStoreAsync(ledger, null, CancellationToken.None);
        clock.Stop();
        Check(result.Ok, $"the log verifies ({result.Problem})");
        Check(result.Entries == _size, $"verification read {result.Entries} entries, the log holds {_size}");
        return ["entries, leaves, every stored node, state", N(result.Entries), F(clock.Elapsed.TotalSeconds, 2), N(result.Entries / clock.Elapsed.TotalSeconds)];
    }

    private async Task<AuditEntry> EntryAsync(long index) =>
        (await ledger.ListEntriesAsync(new AuditEntryQuery(index, index + 1, 1), CancellationToken.None)).Single();

    private static byte[] StoredLeaf(long index, AuditEntry entry)
    {
        Check(entry.Index == index, $"entry {index} is stored at its index");
        return entry.ToLeafBytes();
    }

    private static string[] LatencyRow(long size, string operation, double[] micros)
    {
        Array.Sort(micros);
        return [N(size), operation, F(Percentile(micros, 0.50), 0), F(Percentile(micros, 0.95), 0), F(Percentile(micros, 0.99), 0), F(micros[^1], 0), $"{Math.Min(CheckedProofs, micros.Length)} verified"];
    }

    private static double Percentile(double[] sorted, double p) => sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(p * sorted.Length) - 1)];

    private static double Micros(long start) => (Stopwatch.GetTimestamp() - start) * 1_000_000.0 / Stopwatch.Frequency;

    private static void Check(bool condition, string what)
    {
        if (!condition) throw new InvalidOperationException($"Benchmark sanity check failed: {what}.");
    }

    private static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string F(double value, int decimals) => value.ToString("F" + decimals, CultureInfo.InvariantCulture);

    // Proof rows: size, operation, four latencies, checked. Other rows: a label, then numbers.
    private static void Row(params string[] cells)
    {
        int[] widths = cells.Length == 7 ? [12, -20, 9, 9, 9, 9, 14] : [-42, 14, 10, 14];
        Console.WriteLine(string.Concat(cells.Select((cell, i) => widths[i] < 0 ? "  " + cell.PadRight(-widths[i]) : cell.PadLeft(widths[i]))));
    }

    private sealed class BenchActor : ICurrentActor
    {
        public string Name => "bench";
    }
}
