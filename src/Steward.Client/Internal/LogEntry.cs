namespace Steward.Client.Internal;

internal enum LogEntryKind
{
    Metric,
    Param,
    Tag,
    Flush,
}

/// <summary>One queued item of a <see cref="RunLogger"/>: a metric point, a param, a tag, or a flush marker.</summary>
internal readonly record struct LogEntry(LogEntryKind Kind, string Key, string? Text, Metric? Metric, TaskCompletionSource? Flushed)
{
    public static LogEntry ForMetric(Metric metric) => new(LogEntryKind.Metric, metric.Key, null, metric, null);
}
