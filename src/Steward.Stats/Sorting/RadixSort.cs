using System.Runtime.CompilerServices;

namespace Steward.Stats.Sorting;

/// <summary>
/// Least-significant-digit radix sorts, 11 bits a digit, of 64-bit keys (<see cref="Sort"/>: evaluation's
/// scores as <see cref="ToKey"/> maps them) and of doubles (<see cref="SortFinite"/>: drift's samples).
/// One read counts every digit of every pass; a pass whose digit all keys share (the high exponent bits
/// of probabilities, say) moves nothing and is skipped. Linear in the number of keys, which beats a
/// comparison sort by several times at millions.
/// </summary>
internal static partial class RadixSort
{
    private const int DigitBits = 11; // 2¹¹ counters stay in L1; 13 and 16 bits measured no faster
    private const int Buckets = 1 << DigitBits;
    private const int KeyPasses = (64 + DigitBits - 1) / DigitBits;
    private const ulong DigitMask = Buckets - 1;
    private const ulong SignBit = 0x8000_0000_0000_0000UL;

    /// <summary>Sorts <paramref name="keys"/> ascending, using <paramref name="scratch"/> (same length) as the second buffer.</summary>
    public static void Sort(Span<ulong> keys, Span<ulong> scratch)
    {
        if (scratch.Length != keys.Length)
            throw new ArgumentException("the scratch buffer must be as long as the keys", nameof(scratch));
        if (keys.Length < 2)
            return;

        var counts = new int[KeyPasses * Buckets];
        foreach (var key in keys)
        {
            for (var pass = 0; pass < KeyPasses; pass++)
                counts[pass * Buckets + (int)((key >> (pass * DigitBits)) & DigitMask)]++;
        }

        // Its own loop rather than the doubles' Unsafe scatter, which measured ~20 % slower on these keys.
        var source = keys;
        var target = scratch;
        for (var pass = 0; pass < KeyPasses; pass++)
        {
            var passCounts = counts.AsSpan(pass * Buckets, Buckets);
            if (AllInOneBucket(passCounts, keys.Length))
                continue;

            // Counts become each bucket's first output position.
            var offset = 0;
            for (var b = 0; b < Buckets; b++)
            {
                var count = passCounts[b];
                passCounts[b] = offset;
                offset += count;
            }

            var shift = pass * DigitBits;
            foreach (var key in source)
                target[passCounts[(int)((key >> shift) & DigitMask)]++] = key;

            var swap = source;
            source = target;
            target = swap;
        }

        if (source != keys)
            source.CopyTo(keys);
    }

    /// <summary>
    /// The key whose unsigned order is the numeric order of finite doubles: negative numbers with all bits
    /// flipped, the others with the sign bit set. −0 maps like +0: one score, as in NumPy's comparisons.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong ToKey(double value)
    {
        var bits = BitConverter.DoubleToUInt64Bits(value + 0.0);
        var mask = (ulong)((long)bits >> 63) | SignBit;
        return bits ^ mask;
    }

    /// <summary>The bit pattern of the double a key came from.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong FromKey(ulong key) => key ^ (((key >> 63) - 1) | SignBit);

    /// <summary>The double a key came from.</summary>
    public static double ToDouble(ulong key) => BitConverter.UInt64BitsToDouble(FromKey(key));

    private static bool AllInOneBucket(ReadOnlySpan<int> counts, int total)
    {
        foreach (var count in counts)
        {
            if (count == total)
                return true;
            if (count != 0)
                return false;
        }

        return false;
    }
}
