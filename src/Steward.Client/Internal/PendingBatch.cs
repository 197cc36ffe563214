namespace Steward.Client.Internal;

/// <summary>
/// Collects queued entries into one log-batch request within the server's limits: 1000 metrics,
/// 100 params, 100 tags, 1000 in all.
/// </summary>
internal sealed class PendingBatch
{
    public const int MaxMetrics = 1000;
    public const int MaxParams = 100;
    public const int MaxTags = 100;
    public const int MaxEntries = 1000;

    public List<Metric> Metrics { get; } = [];

    public Dictionary<string, string> Params { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

    public int Count => Metrics.Count + Params.Count + Tags.Count;

    /// <summary>Adds an entry, or returns false when it would break a limit (the batch must be sent first).</summary>
    public bool TryAdd(LogEntry entry)
    {
        switch (entry.Kind)
        {
            case LogEntryKind.Metric when Metrics.Count < MaxMetrics && Count < MaxEntries:
                Metrics.Add(entry.Metric!);
                return true;
            case LogEntryKind.Param:
                // The same value twice is one param; a different value goes to the next batch so
                // that the server refuses it there and the caller hears of the conflict.
                if (Params.TryGetValue(entry.Key, out var logged)) return logged == entry.Text;
                if (Params.Count >= MaxParams || Count >= MaxEntries) return false;
                Params[entry.Key] = entry.Text!;
                return true;
            case LogEntryKind.Tag:
                // A later tag value replaces an earlier one, in the batch as on the server.
                if (Tags.ContainsKey(entry.Key))
                {
                    Tags[entry.Key] = entry.Text!;
                    return true;
                }

                if (Tags.Count >= MaxTags || Count >= MaxEntries) return false;
                Tags[entry.Key] = entry.Text!;
                return true;
            default:
                return false;
        }
    }

    public void Clear()
    {
        Metrics.Clear();
        Params.Clear();
        Tags.Clear();
    }
}
