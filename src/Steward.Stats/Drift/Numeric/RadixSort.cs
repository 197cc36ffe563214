using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Steward.Stats.Drift.Numeric;

/// <summary>
/// Sorts doubles by a least-significant-digit radix sort on their IEEE 754 bit patterns, mapped so
/// that unsigned order is numeric order (negative numbers: all bits flipped; others: sign bit set).
/// Six passes of 11 bits, all digit histograms counted in the first read, and passes where every
/// value has the same digit skipped: several times faster than a comparison sort for a million values.
/// </summary>
internal static class RadixSort
{
    private const int DigitBits = 11;
    private const int Buckets = 1 << DigitBits;
    private const int Passes = 6; // ceil(64 / 11); the counting loop below is unrolled for six

    /// <summary>
    /// Copies the finite values of <paramref name="source"/> (−0 counted as +0), sorts them ascending
    /// into the start of <paramref name="buffer"/> and returns how many there are. <paramref name="scratch"/>
    /// must be as long as <paramref name="source"/>; so must <paramref name="buffer"/>.
    /// </summary>
    public static int SortFinite(ReadOnlySpan<double> source, Span<double> buffer, Span<double> scratch)
    {
        var keys = MemoryMarshal.Cast<double, ulong>(buffer);
        var other = MemoryMarshal.Cast<double, ulong>(scratch);
        var histograms = new int[Passes * Buckets];
        var count = 0;
        ref var histogram = ref MemoryMarshal.GetArrayDataReference(histograms);
        foreach (var value in source)
        {
            if (!double.IsFinite(value))
                continue;
            var key = ToKey(value + 0.0); // + 0.0 turns −0 into +0
            keys[count++] = key;
            Unsafe.Add(ref histogram, (int)(key & (Buckets - 1)))++;
            Unsafe.Add(ref histogram, Buckets + (int)((key >> DigitBits) & (Buckets - 1)))++;
            Unsafe.Add(ref histogram, 2 * Buckets + (int)((key >> (2 * DigitBits)) & (Buckets - 1)))++;
            Unsafe.Add(ref histogram, 3 * Buckets + (int)((key >> (3 * DigitBits)) & (Buckets - 1)))++;
            Unsafe.Add(ref histogram, 4 * Buckets + (int)((key >> (4 * DigitBits)) & (Buckets - 1)))++;
            Unsafe.Add(ref histogram, 5 * Buckets + (int)(key >> (5 * DigitBits)))++;
        }

        var from = keys[..count];
        var to = other[..count];
        var offsets = new int[Buckets];
        for (var pass = 0; pass < Passes; pass++)
        {
            var counts = histograms.AsSpan(pass * Buckets, Buckets);
            if (counts.Contains(count))
                continue; // every key has this digit: the pass would not move anything
            var running = 0;
            for (var b = 0; b < Buckets; b++)
            {
                offsets[b] = running;
                running += counts[b];
            }
            Scatter(from, to, offsets, pass * DigitBits);
            var swap = from;
            from = to;
            to = swap;
        }

        // The sorted keys are in `from`, which is either buffer or scratch; decode into buffer.
        var result = buffer[..count];
        for (var i = 0; i < count; i++)
            result[i] = FromKey(from[i]);
        return count;
    }

    private static void Scatter(Span<ulong> from, Span<ulong> to, int[] offsets, int shift)
    {
        ref var target = ref MemoryMarshal.GetReference(to);
        ref var offset = ref MemoryMarshal.GetArrayDataReference(offsets);
        foreach (var key in from)
        {
            ref var position = ref Unsafe.Add(ref offset, (int)((key >> shift) & (Buckets - 1)));
            Unsafe.Add(ref target, position) = key;
            position++;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong ToKey(double value)
    {
        var bits = BitConverter.DoubleToUInt64Bits(value);
        var mask = (ulong)((long)bits >> 63) | 0x8000_0000_0000_0000UL;
        return bits ^ mask;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double FromKey(ulong key)
    {
        var mask = ((key >> 63) - 1) | 0x8000_0000_0000_0000UL;
        return BitConverter.UInt64BitsToDouble(key ^ mask);
    }
}
