namespace Steward.Audit.Heads;

/// <summary>
/// When the server signs and stores a head on its own: once <see cref="Entries"/> entries were
/// appended since the last head, or <see cref="Interval"/> passed since it and the log grew.
/// Stored heads are what verification checks rewritten rows against, so they must not depend
/// on someone happening to ask for one.
/// </summary>
/// <param name="Entries">Entries appended since the last head that make a new one due.</param>
/// <param name="Interval">Time since the last head that makes a new one due, if the log grew.</param>
public sealed record HeadSchedule(long Entries, TimeSpan Interval)
{
    /// <summary>Entries appended since the last head that make a new one due (at least 1).</summary>
    public long Entries { get; } = Entries >= 1 ? Entries : throw new ArgumentOutOfRangeException(nameof(Entries), Entries, "A head is due after at least 1 entry.");

    /// <summary>Time since the last head that makes a new one due (more than zero).</summary>
    public TimeSpan Interval { get; } = Interval > TimeSpan.Zero ? Interval : throw new ArgumentOutOfRangeException(nameof(Interval), Interval, "The interval between heads must be more than zero.");

    /// <summary>1,000 entries or 60 seconds.</summary>
    public static HeadSchedule Default { get; } = new(1_000, TimeSpan.FromSeconds(60));

    /// <summary>True when a head of <paramref name="treeSize"/> entries should be signed now.</summary>
    /// <param name="last">The latest stored head, or null.</param>
    /// <param name="treeSize">The committed size.</param>
    /// <param name="now">The current time.</param>
    /// <param name="started">When the schedule started: the interval counts from it while no head exists.</param>
    public bool IsDue(SignedTreeHead? last, long treeSize, DateTimeOffset now, DateTimeOffset started)
    {
        var signedSize = last?.Head.TreeSize ?? 0;
        if (treeSize <= signedSize) return false;
        var since = last is null || last.Head.Timestamp < started ? started : last.Head.Timestamp;
        return treeSize - signedSize >= Entries || now - since >= Interval;
    }
}
