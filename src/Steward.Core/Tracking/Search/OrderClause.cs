namespace Steward.Tracking.Search;

/// <summary>One sort key of a search: <c>metrics.rmse ASC</c>.</summary>
public sealed record OrderClause(FilterEntity Entity, string Key, bool Ascending);
