using System.Diagnostics;
using System.Globalization;
using Steward.Ledger.Canonicalization;
using Steward.Ledger.Merkle;

namespace Steward.Ledger.Bench;

/// <summary>Runs the measurements and prints them as tables.</summary>
internal sealed class LedgerBenchmark(LedgerBenchOptions options)
{
    private const double ProofTargetMicroseconds = 1_000;
    private const double VerifyTargetSeconds = 10;

    private readonly InMemoryNodeSource _store = new();

    public void Run()
    {
        long largest = options.Sizes[^1];
        Console.WriteLine();
        Console.WriteLine("Appends (leaf hashing + node hashing + storing every perfect subtree)");
        Row("mode", "entries", "seconds", "entries/s");
        MeasureSingleAppends(Math.Min(1_000_000, largest));
        MeasureBatchedAppends(largest);
        Console.WriteLine($"  node store: {_store.LeafCount:N0} leaves, {GC.GetTotalMemory(forceFullCollection: true) / (1024 * 1024):N0} MB managed heap");

        Console.WriteLine();
        Console.WriteLine($"Proofs from the node store, {options.Samples:N0} random positions each (target: under {ProofTargetMicroseconds:N0} µs)");
        Row("tree size", "operation", "p50 µs", "p95 µs", "p99 µs", "max µs", "nodes read");
        foreach (long size in options.Sizes)
        {
            MeasureProofs(size);
        }

        Console.WriteLine();
        Console.WriteLine($"Full verification: recompute the root from every entry's bytes (target: {options.Verify:N0} entries under {VerifyTargetSeconds} s)");
        Row("work per entry", "entries", "seconds", "entries/s");
        MeasureFullVerification(recanonicalize: false);
        MeasureFullVerification(recanonicalize: true);
    }

    private static void MeasureSingleAppends(long count)
    {
        var store = new InMemoryNodeSource();
        var range = new CompactRange();
        Span<byte> entry = stackalloc byte[SyntheticEntries.MaxLength];
        long ticks = 0;
        for (long i = 0; i < count; i++)
        {
            int length = SyntheticEntries.Write(i, entry);
            long start = Stopwatch.GetTimestamp();
            range.AppendEntry(entry[..length], store);
            ticks += Stopwatch.GetTimestamp() - start;
        }
        double seconds = (double)ticks / Stopwatch.Frequency;
        Row("single (AppendEntry)", N(count), F(seconds, 2), N(count / seconds));
    }

    private void MeasureBatchedAppends(long count)
    {
        var range = new CompactRange();
        int batch = options.Batch;
        var entries = new byte[batch * SyntheticEntries.MaxLength];
        var lengths = new int[batch];
        var leaves = new byte[batch * MerkleHash.Size];
        long ticks = 0;
        for (long first = 0; first < count; first += batch)
        {
            int n = (int)Math.Min(batch, count - first);
            for (int j = 0; j < n; j++)
            {
                lengths[j] = SyntheticEntries.Write(first + j, entries.AsSpan(j * SyntheticEntries.MaxLength));
            }
            long start = Stopwatch.GetTimestamp();
            for (int j = 0; j < n; j++)
            {
                MerkleHash.HashLeaf(entries.AsSpan(j * SyntheticEntries.MaxLength, lengths[j]), leaves.AsSpan(j * MerkleHash.Size));
            }
            range.AppendLeaves(leaves.AsSpan(0, n * MerkleHash.Size), _store);
            ticks += Stopwatch.GetTimestamp() - start;
        }
        double seconds = (double)ticks / Stopwatch.Frequency;
        Row($"batched ({batch:N0} per AppendLeaves)", N(count), F(seconds, 2), N(count / seconds));
    }

    private void MeasureProofs(long size)
    {
        var random = new Random(6962);
        byte[] root = MerkleTree.RootHash(_store, size);
        int samples = options.Samples;
        var inclusion = new double[samples];
        var verifyInclusion = new double[samples];
        var consistency = new double[samples];
        var verifyConsistency = new double[samples];
        var rootAtSize = new double[samples];
        int inclusionNodes = 0, consistencyNodes = 0, rootNodes = 0;
        Span<byte> entry = stackalloc byte[SyntheticEntries.MaxLength];

        for (int warm = 0; warm < 1_000; warm++)
        {
            MerkleTree.InclusionProof(_store, random.NextInt64(size), size);
            MerkleTree.ConsistencyProof(_store, random.NextInt64(1, size), size);
        }

        for (int s = 0; s < samples; s++)
        {
            long index = random.NextInt64(size);
            long start = Stopwatch.GetTimestamp();
            var path = MerkleTree.InclusionProof(_store, index, size);
            inclusion[s] = Micros(start);

            var leaf = MerkleHash.HashLeaf(entry[..SyntheticEntries.Write(index, entry)]);
            start = Stopwatch.GetTimestamp();
            bool ok = MerkleVerifier.VerifyInclusion(index, size, leaf, path, root);
            verifyInclusion[s] = Micros(start);
            Check(ok, $"inclusion proof ({index}, {size})");
            inclusionNodes = Math.Max(inclusionNodes, ProofPlan.ForInclusion(index, size).Nodes.Count);

            long first = random.NextInt64(1, size);
            start = Stopwatch.GetTimestamp();
            var proof = MerkleTree.ConsistencyProof(_store, first, size);
            consistency[s] = Micros(start);

            start = Stopwatch.GetTimestamp();
            var firstRoot = MerkleTree.RootHash(_store, first);
            rootAtSize[s] = Micros(start);
            start = Stopwatch.GetTimestamp();
            ok = MerkleVerifier.VerifyConsistency(first, size, firstRoot, root, proof);
            verifyConsistency[s] = Micros(start);
            Check(ok, $"consistency proof ({first}, {size})");
            consistencyNodes = Math.Max(consistencyNodes, ProofPlan.ForConsistency(first, size).Nodes.Count);
            rootNodes = Math.Max(rootNodes, ProofPlan.ForRoot(first).Nodes.Count);
        }

        LatencyRow(size, "inclusion proof", inclusion, $"≤ {inclusionNodes}");
        LatencyRow(size, "consistency proof", consistency, $"≤ {consistencyNodes}");
        LatencyRow(size, "root at a random size", rootAtSize, $"≤ {rootNodes}");
        LatencyRow(size, "verify inclusion", verifyInclusion, "-");
        LatencyRow(size, "verify consistency", verifyConsistency, "-");
    }

    private void MeasureFullVerification(bool recanonicalize)
    {
        long count = Math.Min(options.Verify, _store.LeafCount);
        byte[] expected = MerkleTree.RootHash(_store, count);
        var range = new CompactRange();
        Span<byte> entry = stackalloc byte[SyntheticEntries.MaxLength];
        long ticks = 0;
        for (long i = 0; i < count; i++)
        {
            int length = SyntheticEntries.Write(i, entry); // stands in for reading the stored bytes
            long start = Stopwatch.GetTimestamp();
            if (recanonicalize)
            {
                // What an auditor checks besides the tree: the stored bytes are canonical JSON.
                Check(JsonCanonicalizer.Canonicalize(entry[..length]).AsSpan().SequenceEqual(entry[..length]), $"entry {i} is canonical");
            }
            range.AppendEntry(entry[..length]);
            ticks += Stopwatch.GetTimestamp() - start;
        }
        Check(range.RootHash().AsSpan().SequenceEqual(expected), "recomputed root equals the stored root");
        double seconds = (double)ticks / Stopwatch.Frequency;
        string work = recanonicalize ? "leaf hash + root + JCS re-check" : "leaf hash + root";
        Row(work, N(count), F(seconds, 2), N(count / seconds));
    }

    private static void LatencyRow(long size, string operation, double[] micros, string nodes)
    {
        Array.Sort(micros);
        Row(N(size), operation, F(Percentile(micros, 0.50), 1), F(Percentile(micros, 0.95), 1),
            F(Percentile(micros, 0.99), 1), F(micros[^1], 1), nodes);
    }

    private static double Percentile(double[] sorted, double p) => sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(p * sorted.Length) - 1)];

    private static double Micros(long start) => (Stopwatch.GetTimestamp() - start) * 1_000_000.0 / Stopwatch.Frequency;

    private static void Check(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Benchmark sanity check failed: {what}.");
        }
    }

    private static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string F(double value, int decimals) => value.ToString("F" + decimals, CultureInfo.InvariantCulture);

    // Proof rows: size, operation, four latencies, nodes. Other rows: a label, then numbers.
    private static void Row(params string[] cells)
    {
        int[] widths = cells.Length == 7 ? [12, -26, 9, 9, 9, 9, 12] : [-34, 14, 10, 14];
        var line = string.Concat(cells.Select((cell, i) =>
            widths[i] < 0 ? "  " + cell.PadRight(-widths[i]) : cell.PadLeft(widths[i])));
        Console.WriteLine(line);
    }
}
