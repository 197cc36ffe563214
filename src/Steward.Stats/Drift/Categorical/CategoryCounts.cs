using System.Globalization;

namespace Steward.Stats.Drift.Categorical;

/// <summary>The union of both samples' categories with each sample's count per category.</summary>
internal sealed record CategoryCounts(IReadOnlyList<string> Labels, long[] Reference, long[] Current, long ReferenceTotal, long CurrentTotal)
{
    /// <summary>Text categories in ordinal order of their text; null values are missing and not counted.</summary>
    public static CategoryCounts FromText(string?[] reference, string?[] current)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var counts = new List<(long Reference, long Current)>();
        long referenceTotal = Tally(reference, index, counts, isReference: true);
        long currentTotal = Tally(current, index, counts, isReference: false);
        var labels = index.Keys.Order(StringComparer.Ordinal).ToArray();
        var r = new long[labels.Length];
        var c = new long[labels.Length];
        for (var i = 0; i < labels.Length; i++)
            (r[i], c[i]) = counts[index[labels[i]]];
        return new CategoryCounts(labels, r, c, referenceTotal, currentTotal);
    }

    /// <summary>Numeric categories — the distinct values of two sorted samples — in numeric order.</summary>
    public static CategoryCounts FromSorted(ReadOnlySpan<double> reference, ReadOnlySpan<double> current)
    {
        var labels = new List<string>();
        var r = new List<long>();
        var c = new List<long>();
        int i = 0, j = 0;
        while (i < reference.Length || j < current.Length)
        {
            var v = Math.Min(i < reference.Length ? reference[i] : double.PositiveInfinity, j < current.Length ? current[j] : double.PositiveInfinity);
            var startI = i;
            var startJ = j;
            while (i < reference.Length && reference[i] == v)
                i++;
            while (j < current.Length && current[j] == v)
                j++;
            labels.Add(v.ToString(CultureInfo.InvariantCulture));
            r.Add(i - startI);
            c.Add(j - startJ);
        }
        return new CategoryCounts(labels, [.. r], [.. c], reference.Length, current.Length);
    }

    /// <summary>Whether two sorted samples hold at most <paramref name="limit"/> distinct values together (stops counting early).</summary>
    public static bool DistinctAtMost(ReadOnlySpan<double> reference, ReadOnlySpan<double> current, int limit)
    {
        int i = 0, j = 0, distinct = 0;
        while (i < reference.Length || j < current.Length)
        {
            if (++distinct > limit)
                return false;
            var v = Math.Min(i < reference.Length ? reference[i] : double.PositiveInfinity, j < current.Length ? current[j] : double.PositiveInfinity);
            while (i < reference.Length && reference[i] == v)
                i++;
            while (j < current.Length && current[j] == v)
                j++;
        }
        return true;
    }

    private static long Tally(string?[] values, Dictionary<string, int> index, List<(long Reference, long Current)> counts, bool isReference)
    {
        long total = 0;
        foreach (var value in values)
        {
            if (value is null)
                continue;
            if (!index.TryGetValue(value, out var at))
            {
                at = counts.Count;
                index.Add(value, at);
                counts.Add((0, 0));
            }
            var (r, c) = counts[at];
            counts[at] = isReference ? (r + 1, c) : (r, c + 1);
            total++;
        }
        return total;
    }
}
