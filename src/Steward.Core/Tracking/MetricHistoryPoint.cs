namespace Steward.Tracking;

/// <summary>A metric point together with the run it belongs to (bulk history reads).</summary>
public sealed record MetricHistoryPoint(string RunId, Metric Metric);
