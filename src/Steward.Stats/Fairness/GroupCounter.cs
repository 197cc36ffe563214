using System.Numerics;
using System.Runtime.InteropServices;
using Steward.Stats.Classification;

namespace Steward.Stats.Fairness;

/// <summary>
/// Counts (group, label, prediction) cells over columns: one pass, no branches per row, the rows
/// split into partitions counted in parallel and merged.
/// </summary>
internal static class GroupCounter
{
    // Below this many rows per partition the cost of starting a task outweighs the counting.
    private const int MinRowsPerPartition = 1 << 18;

    // Cell layout: group * 4 + label * 2 + prediction.
    private const int FalseNegativeCell = 2, TruePositiveCell = 3, TrueNegativeCell = 0, FalsePositiveCell = 1;

    /// <summary>Confusion counts per group code. Codes must already be known to be below <paramref name="groupCount"/>.</summary>
    public static ConfusionCounts[] Count<TCode>(ReadOnlyMemory<TCode> codes, int groupCount, ReadOnlyMemory<bool> labels, ReadOnlyMemory<bool> predictions)
        where TCode : unmanaged, IBinaryInteger<TCode>
    {
        var rows = codes.Length;
        var partitions = (int)Math.Clamp(rows / MinRowsPerPartition, 1, Environment.ProcessorCount);
        var cells = groupCount * 4;
        var totals = new long[cells];
        if (partitions == 1)
        {
            CountRange(codes.Span, MemoryMarshal.AsBytes(labels.Span), MemoryMarshal.AsBytes(predictions.Span), cells, totals);
        }
        else
        {
            var partial = new long[partitions][];
            Parallel.For(0, partitions, p =>
            {
                var start = (int)((long)rows * p / partitions);
                var end = (int)((long)rows * (p + 1) / partitions);
                var local = new long[cells];
                CountRange(codes.Span[start..end], MemoryMarshal.AsBytes(labels.Span[start..end]),
                    MemoryMarshal.AsBytes(predictions.Span[start..end]), cells, local);
                partial[p] = local;
            });
            foreach (var local in partial)
            {
                for (var c = 0; c < cells; c++)
                    totals[c] += local[c];
            }
        }

        var result = new ConfusionCounts[groupCount];
        for (var g = 0; g < groupCount; g++)
        {
            var b = g * 4;
            result[g] = new ConfusionCounts(totals[b + TruePositiveCell], totals[b + FalsePositiveCell], totals[b + TrueNegativeCell], totals[b + FalseNegativeCell]);
        }
        return result;
    }

    /// <summary>
    /// Adds one range's counts to <paramref name="totals"/>. Four tables take every fourth row so that
    /// runs of one group do not wait on the previous increment of the same counter; a bool is one
    /// byte holding 0 or 1, masked to be safe, so the cell index needs no branch.
    /// </summary>
    private static void CountRange<TCode>(ReadOnlySpan<TCode> codes, ReadOnlySpan<byte> labels, ReadOnlySpan<byte> predictions, int cells, long[] totals)
        where TCode : unmanaged, IBinaryInteger<TCode>
    {
        // int counters are enough per chunk; flushed into the long totals before they could overflow.
        const int Chunk = 1 << 30;
        Span<int> t0 = new int[cells], t1 = new int[cells], t2 = new int[cells], t3 = new int[cells];
        for (var start = 0; start < codes.Length; start += Chunk)
        {
            var end = Math.Min(codes.Length, start + Chunk);
            var c = codes[start..end];
            var y = labels[start..end];
            var p = predictions[start..end];
            var i = 0;
            for (; i + 4 <= c.Length; i += 4)
            {
                t0[Cell(c[i], y[i], p[i])]++;
                t1[Cell(c[i + 1], y[i + 1], p[i + 1])]++;
                t2[Cell(c[i + 2], y[i + 2], p[i + 2])]++;
                t3[Cell(c[i + 3], y[i + 3], p[i + 3])]++;
            }
            for (; i < c.Length; i++)
                t0[Cell(c[i], y[i], p[i])]++;

            for (var k = 0; k < cells; k++)
            {
                totals[k] += (long)t0[k] + t1[k] + t2[k] + t3[k];
                t0[k] = t1[k] = t2[k] = t3[k] = 0;
            }
        }
    }

    private static int Cell<TCode>(TCode code, byte label, byte prediction) where TCode : unmanaged, IBinaryInteger<TCode> =>
        (int.CreateTruncating(code) << 2) | ((label & 1) << 1) | (prediction & 1);
}
