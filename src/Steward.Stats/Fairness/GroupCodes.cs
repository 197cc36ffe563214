using Steward.Stats.Classification;

namespace Steward.Stats.Fairness;

/// <summary>
/// Every row's group as a small integer, so counting is one pass over codes instead of text.
/// Code <c>c</c> is the intersection whose value indices, read as a mixed-radix number with the
/// first feature most significant, equal <c>c</c>; codes therefore run in group order. Rows are
/// held as bytes when there are at most 256 groups (a quarter of the memory traffic of ints).
/// </summary>
public sealed class GroupCodes
{
    private readonly byte[]? _bytes;
    private readonly int[]? _ints;
    private readonly string?[][] _levels;

    private GroupCodes(byte[]? bytes, int[]? ints, IReadOnlyList<string> features, string?[][] levels)
    {
        _bytes = bytes;
        _ints = ints;
        _levels = levels;
        SensitiveFeatures = features.ToArray();
        GroupCount = checked((int)levels.Aggregate(1L, (product, values) => product * values.Length));
    }

    /// <summary>Names of the sensitive features.</summary>
    public IReadOnlyList<string> SensitiveFeatures { get; }

    /// <summary>Number of groups: the product of each feature's number of values.</summary>
    public int GroupCount { get; }

    /// <summary>Number of rows.</summary>
    public int Length => _bytes?.Length ?? _ints!.Length;

    /// <summary>
    /// Codes already computed by the caller, one byte per row, with the values each feature's
    /// index stands for (<paramref name="levels"/>[f][i], null for "missing"). Every code must be below the group count.
    /// </summary>
    public static GroupCodes FromBytes(byte[] codes, IReadOnlyList<string> features, IReadOnlyList<IReadOnlyList<string?>> levels)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var groupLevels = CheckLevels(features, levels);
        var result = new GroupCodes(codes, null, features, groupLevels);
        CheckCodes(codes, result.GroupCount);
        return result;
    }

    /// <inheritdoc cref="FromBytes"/>
    public static GroupCodes FromInts(int[] codes, IReadOnlyList<string> features, IReadOnlyList<IReadOnlyList<string?>> levels)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var groupLevels = CheckLevels(features, levels);
        var result = new GroupCodes(null, codes, features, groupLevels);
        CheckCodes(codes, result.GroupCount);
        return result;
    }

    /// <summary>
    /// Codes for in-memory columns: each feature's distinct values are sorted (ordinal, missing
    /// last) and numbered once, then combined into intersection codes.
    /// </summary>
    public static GroupCodes Encode(IReadOnlyList<SensitiveColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0)
            throw new ArgumentException("name at least one sensitive feature", nameof(columns));
        var rows = columns[0].Values.Count;
        foreach (var column in columns)
        {
            if (column.Values.Count != rows)
                throw new ArgumentException(
                    $"sensitive column '{column.Name}' has {column.Values.Count} rows but '{columns[0].Name}' has {rows}", nameof(columns));
        }

        var perFeature = new int[columns.Count][];
        var levels = new string?[columns.Count][];
        long groups = 1;
        for (var f = 0; f < columns.Count; f++)
        {
            (perFeature[f], levels[f]) = EncodeColumn(columns[f]);
            if (levels[f] is [null])
                throw new ArgumentException($"sensitive feature '{columns[f].Name}' has no value in any row", nameof(columns));
            groups *= levels[f].Length;
            if (groups > FairnessLimits.MaxGroups)
                throw new ArgumentException(
                    $"the sensitive features make more than {FairnessLimits.MaxGroups:N0} groups ('{columns[f].Name}' alone has {levels[f].Length:N0} values)",
                    nameof(columns));
        }

        var features = columns.Select(c => c.Name).ToArray();
        if (groups <= 256)
        {
            var bytes = new byte[rows];
            for (var i = 0; i < rows; i++)
                bytes[i] = (byte)Combine(perFeature, levels, i);
            return new GroupCodes(bytes, null, features, levels);
        }

        var ints = new int[rows];
        for (var i = 0; i < rows; i++)
            ints[i] = Combine(perFeature, levels, i);
        return new GroupCodes(null, ints, features, levels);
    }

    /// <summary>The values of the group with code <paramref name="code"/>.</summary>
    public IReadOnlyList<string?> GroupValues(int code)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(code);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(code, GroupCount);
        var values = new string?[_levels.Length];
        for (var f = _levels.Length - 1; f >= 0; f--)
        {
            values[f] = _levels[f][code % _levels[f].Length];
            code /= _levels[f].Length;
        }
        return values;
    }

    /// <summary>
    /// Counts each group's confusion matrix in one parallel pass; <paramref name="labels"/> and
    /// <paramref name="predictions"/> are aligned with the codes (true = positive).
    /// </summary>
    public ConfusionCounts[] Count(ReadOnlyMemory<bool> labels, ReadOnlyMemory<bool> predictions)
    {
        if (labels.Length != Length || predictions.Length != Length)
            throw new ArgumentException($"there are {Length} group codes but {labels.Length} labels and {predictions.Length} predictions");
        return _bytes is not null
            ? GroupCounter.Count<byte>(_bytes, GroupCount, labels, predictions)
            : GroupCounter.Count<int>(_ints!, GroupCount, labels, predictions);
    }

    /// <summary>The table of the counted groups (see <see cref="FairnessTable"/>).</summary>
    public FairnessTable CountTable(ReadOnlyMemory<bool> labels, ReadOnlyMemory<bool> predictions)
    {
        var counts = Count(labels, predictions);
        return FairnessTable.Create(SensitiveFeatures, counts.Select((c, code) => new GroupCounts(GroupValues(code), c)));
    }

    private static int Combine(int[][] perFeature, string?[][] levels, int row)
    {
        var code = 0;
        for (var f = 0; f < perFeature.Length; f++)
            code = code * levels[f].Length + perFeature[f][row];
        return code;
    }

    private static (int[] Codes, string?[] Levels) EncodeColumn(SensitiveColumn column)
    {
        // Number values in order of first appearance (missing as -1), then renumber in sorted order.
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var codes = new int[column.Values.Count];
        var anyMissing = false;
        for (var i = 0; i < codes.Length; i++)
        {
            var value = column.Values[i];
            if (value is null)
            {
                codes[i] = -1;
                anyMissing = true;
            }
            else if (!seen.TryGetValue(value, out codes[i]))
            {
                codes[i] = seen.Count;
                seen.Add(value, codes[i]);
            }
        }

        var sorted = seen.Keys.Order(StringComparer.Ordinal).ToList();
        var renumber = new int[seen.Count];
        for (var rank = 0; rank < sorted.Count; rank++)
            renumber[seen[sorted[rank]]] = rank;
        for (var i = 0; i < codes.Length; i++)
            codes[i] = codes[i] < 0 ? sorted.Count : renumber[codes[i]];

        string?[] levels = anyMissing ? [.. sorted, null] : [.. sorted];
        return (codes, levels);
    }

    private static string?[][] CheckLevels(IReadOnlyList<string> features, IReadOnlyList<IReadOnlyList<string?>> levels)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(levels);
        if (features.Count == 0 || features.Count != levels.Count)
            throw new ArgumentException($"give the values of each of the {features.Count} sensitive features", nameof(levels));
        if (levels.Any(l => l.Count == 0))
            throw new ArgumentException("every sensitive feature needs at least one value", nameof(levels));
        if (levels.Aggregate(1L, (product, l) => product * l.Count) > FairnessLimits.MaxGroups)
            throw new ArgumentException($"the sensitive features make more than {FairnessLimits.MaxGroups:N0} groups", nameof(levels));
        return levels.Select(l => l.ToArray()).ToArray();
    }

    private static void CheckCodes<T>(T[] codes, int groupCount) where T : struct, System.Numerics.IBinaryInteger<T>
    {
        foreach (var code in codes)
        {
            if (code < T.Zero || int.CreateTruncating(code) >= groupCount)
                throw new ArgumentException($"group code {code} is outside 0..{groupCount - 1}", nameof(codes));
        }
    }
}
