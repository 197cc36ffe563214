namespace Steward.Stats.Fairness;

/// <summary>
/// Orders and compares groups by their values, feature by feature: ordinal text order, a missing
/// value (null) after every present one. Groups are listed in this order everywhere.
/// </summary>
internal sealed class GroupKeyComparer : IComparer<IReadOnlyList<string?>>, IEqualityComparer<IReadOnlyList<string?>>
{
    public static readonly GroupKeyComparer Instance = new();

    public static int CompareValues(string? a, string? b) =>
        a is null ? (b is null ? 0 : 1) : b is null ? -1 : string.CompareOrdinal(a, b);

    public int Compare(IReadOnlyList<string?>? x, IReadOnlyList<string?>? y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        for (var i = 0; i < Math.Min(x.Count, y.Count); i++)
        {
            var c = CompareValues(x[i], y[i]);
            if (c != 0)
                return c;
        }
        return x.Count.CompareTo(y.Count);
    }

    public bool Equals(IReadOnlyList<string?>? x, IReadOnlyList<string?>? y) =>
        x is null ? y is null : y is not null && Compare(x, y) == 0;

    public int GetHashCode(IReadOnlyList<string?> obj)
    {
        var hash = new HashCode();
        foreach (var value in obj)
            hash.Add(value, StringComparer.Ordinal);
        return hash.ToHashCode();
    }
}
