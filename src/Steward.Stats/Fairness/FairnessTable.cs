using Steward.Stats.Classification;

namespace Steward.Stats.Fairness;

/// <summary>
/// The contingency table every fairness metric derives from: for each group of the sensitive
/// features, how many rows fall in each (label, prediction) cell. Counted in memory
/// (<see cref="GroupCodes"/>) or by a SQL <c>GROUP BY</c>, the metrics are the same.
/// </summary>
/// <remarks>
/// With several sensitive features the groups are all their intersections, as in Fairlearn's
/// <c>MetricFrame</c>: every combination of the values seen for each feature, including
/// combinations no row has (count 0, every rate undefined, left out of every disparity).
/// Groups are ordered by their values (ordinal; a missing value last).
/// </remarks>
public sealed class FairnessTable
{
    private FairnessTable(IReadOnlyList<string> sensitiveFeatures, IReadOnlyList<GroupCounts> groups, ConfusionCounts overall)
    {
        SensitiveFeatures = sensitiveFeatures;
        Groups = groups;
        Overall = overall;
    }

    /// <summary>Names of the sensitive features, in the order of each group's values.</summary>
    public IReadOnlyList<string> SensitiveFeatures { get; }

    /// <summary>Every group, in order, including empty intersections.</summary>
    public IReadOnlyList<GroupCounts> Groups { get; }

    /// <summary>All rows together.</summary>
    public ConfusionCounts Overall { get; }

    /// <summary>
    /// Builds the table from counts per group. Counts given twice for one group are added. Fails with
    /// an <see cref="ArgumentException"/> naming the problem when there are no rows, a feature has no
    /// value in any row, or there are more than <see cref="FairnessLimits.MaxGroups"/> groups.
    /// </summary>
    public static FairnessTable Create(IReadOnlyList<string> sensitiveFeatures, IEnumerable<GroupCounts> counts)
    {
        ArgumentNullException.ThrowIfNull(sensitiveFeatures);
        ArgumentNullException.ThrowIfNull(counts);
        if (sensitiveFeatures.Count == 0)
            throw new ArgumentException("name at least one sensitive feature", nameof(sensitiveFeatures));
        var duplicate = sensitiveFeatures.GroupBy(f => f, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"sensitive feature '{duplicate.Key}' is named twice", nameof(sensitiveFeatures));

        var merged = new Dictionary<IReadOnlyList<string?>, ConfusionCounts>(GroupKeyComparer.Instance);
        foreach (var group in counts)
        {
            if (group.Values.Count != sensitiveFeatures.Count)
                throw new ArgumentException(
                    $"a group has {group.Values.Count} values but there are {sensitiveFeatures.Count} sensitive features", nameof(counts));
            if (group.Counts.TruePositives < 0 || group.Counts.FalsePositives < 0 || group.Counts.TrueNegatives < 0 || group.Counts.FalseNegatives < 0)
                throw new ArgumentException("a group has a negative count", nameof(counts));
            merged[group.Values.ToArray()] = merged.GetValueOrDefault(group.Values) + group.Counts;
        }

        var observed = merged.Where(kv => kv.Value.Total > 0).Select(kv => kv.Key).ToList();
        if (observed.Count == 0)
            throw new ArgumentException("there are no rows to audit", nameof(counts));

        // The values each feature takes in at least one row; an intersection of them is a group.
        var levels = new List<string?[]>(sensitiveFeatures.Count);
        for (var f = 0; f < sensitiveFeatures.Count; f++)
        {
            var values = observed.Select(k => k[f]).Distinct(StringComparer.Ordinal).Order(Comparer<string?>.Create(GroupKeyComparer.CompareValues)).ToArray();
            if (values is [null])
                throw new ArgumentException($"sensitive feature '{sensitiveFeatures[f]}' has no value in any row", nameof(counts));
            levels.Add(values);
        }

        var groupCount = levels.Aggregate(1L, (product, values) => product * values.Length);
        if (groupCount > FairnessLimits.MaxGroups)
            throw new ArgumentException(
                $"the sensitive features make {groupCount:N0} groups, more than {FairnessLimits.MaxGroups:N0} ("
                + string.Join(", ", sensitiveFeatures.Select((f, i) => $"'{f}' has {levels[i].Length:N0} values")) + ")",
                nameof(counts));

        var groups = new List<GroupCounts>((int)groupCount);
        foreach (var key in Intersections(levels))
            groups.Add(new GroupCounts(key, merged.GetValueOrDefault(key)));
        var overall = groups.Aggregate(default(ConfusionCounts), (sum, g) => sum + g.Counts);
        return new FairnessTable(sensitiveFeatures.ToArray(), groups, overall);
    }

    /// <summary>Every combination of one value per feature, the first feature varying slowest (so in group order).</summary>
    internal static IEnumerable<string?[]> Intersections(IReadOnlyList<string?[]> levels)
    {
        var index = new int[levels.Count];
        while (true)
        {
            var key = new string?[levels.Count];
            for (var f = 0; f < levels.Count; f++)
                key[f] = levels[f][index[f]];
            yield return key;

            var position = levels.Count - 1;
            while (position >= 0 && ++index[position] == levels[position].Length)
                index[position--] = 0;
            if (position < 0)
                yield break;
        }
    }
}
