namespace Steward.Contracts.Tracking;

/// <summary>
/// <c>GET /api/v1/runs?idPrefix=4f6c&amp;maxResults=2</c>: the ids of runs (active or deleted)
/// that start with a prefix, in order. One id means the prefix names a run; more, that it is ambiguous.
/// </summary>
/// <param name="RunIds">The matching ids, at most <c>maxResults</c> (default 10).</param>
public sealed record RunIdMatches(IReadOnlyList<string> RunIds);
