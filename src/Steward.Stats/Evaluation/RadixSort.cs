namespace Steward.Stats.Evaluation;

/// <summary>
/// Least-significant-digit radix sort of 64-bit keys, 11 bits per pass. One read pass counts every
/// digit; passes where all keys share the digit (the high exponent bits of probabilities, say) are
/// skipped. Linear in the number of keys, which beats a comparison sort by several times at millions.
/// </summary>
internal static class RadixSort
{
    private const int DigitBits = 11;
    private const int Buckets = 1 << DigitBits;
    private const int Passes = (64 + DigitBits - 1) / DigitBits;
    private const ulong DigitMask = Buckets - 1;

    /// <summary>Sorts <paramref name="keys"/> ascending, using <paramref name="scratch"/> (same length) as the second buffer.</summary>
    public static void Sort(Span<ulong> keys, Span<ulong> scratch)
    {
        if (scratch.Length != keys.Length)
            throw new ArgumentException("the scratch buffer must be as long as the keys", nameof(scratch));
        if (keys.Length < 2)
            return;

        var counts = new int[Passes * Buckets];
        foreach (var key in keys)
        {
            for (var pass = 0; pass < Passes; pass++)
                counts[pass * Buckets + (int)((key >> (pass * DigitBits)) & DigitMask)]++;
        }

        var source = keys;
        var target = scratch;
        for (var pass = 0; pass < Passes; pass++)
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
