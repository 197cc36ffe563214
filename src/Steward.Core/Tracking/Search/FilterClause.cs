namespace Steward.Tracking.Search;

/// <summary>
/// One <c>entity.key comparator value</c> clause of a search filter. Exactly one of
/// <see cref="Number"/>, <see cref="Text"/> and <see cref="List"/> is set, as the comparator needs.
/// Attribute keys are canonical column names (<c>run_id</c>, <c>start_time</c>, ...).
/// </summary>
public sealed record FilterClause(FilterEntity Entity, string Key, Comparator Comparator, double? Number, string? Text, IReadOnlyList<string>? List);
