namespace Steward.Governance.Redundancy;

/// <summary>
/// Finds candidates to merge: two models are a redundant pair when they are in different
/// domains, predict the same target, and their feature names or their data set names overlap
/// with a Jaccard index of at least the threshold. Pairs are joined into groups (connected
/// components), so fifteen regional churn models come back as one group, not 105 pairs.
/// Pure: no I/O.
/// </summary>
public static class RedundancyFinder
{
    /// <summary>The default overlap threshold: at least half of the combined names shared.</summary>
    public const double DefaultThreshold = 0.5;

    public static IReadOnlyList<RedundancyGroup> Find(IReadOnlyList<ModelProfile> profiles, double threshold)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        var eligible = profiles.Where(p => p.Target.Length > 0 && p.Domain.Length > 0).ToList();
        var groups = new List<RedundancyGroup>();
        foreach (var byTarget in eligible.GroupBy(p => p.Target, StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var models = byTarget.OrderBy(p => p.ModelName, StringComparer.Ordinal).ToList();
            var parent = Enumerable.Range(0, models.Count).ToArray();
            var pairs = new List<(int A, int B, RedundantPair Pair)>();
            for (var i = 0; i < models.Count; i++)
            {
                for (var j = i + 1; j < models.Count; j++)
                {
                    if (string.Equals(models[i].Domain, models[j].Domain, StringComparison.OrdinalIgnoreCase)) continue;
                    var features = Jaccard(models[i].Features, models[j].Features);
                    var datasets = Jaccard(models[i].Datasets, models[j].Datasets);
                    if (!(features >= threshold) && !(datasets >= threshold)) continue;
                    pairs.Add((i, j, new RedundantPair(models[i].ModelName, models[j].ModelName, features, datasets,
                        Shared(models[i].Features, models[j].Features), Shared(models[i].Datasets, models[j].Datasets))));
                    parent[Find(parent, i)] = Find(parent, j);
                }
            }

            foreach (var component in pairs.GroupBy(p => Find(parent, p.A)))
            {
                var members = component.SelectMany(p => new[] { p.A, p.B }).Distinct().Order().Select(k => models[k]).ToList();
                groups.Add(new RedundancyGroup(byTarget.Key.ToLowerInvariant(), members, component.Select(p => p.Pair).ToList()));
            }
        }

        return groups.OrderByDescending(g => g.Models.Count).ThenBy(g => g.Target, StringComparer.Ordinal).ToList();
    }

    /// <summary>|A∩B| / |A∪B|, or null when either set is empty (no evidence either way).</summary>
    public static double? Jaccard(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        if (a.Count == 0 || b.Count == 0) return null;
        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }

    private static List<string> Shared(IReadOnlySet<string> a, IReadOnlySet<string> b) => a.Where(b.Contains).Order(StringComparer.Ordinal).ToList();

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    }
}
