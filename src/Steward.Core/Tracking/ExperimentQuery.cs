using Steward.Tracking.Search;

namespace Steward.Tracking;

/// <summary>A parsed experiment search. Filter keys: <c>name</c>, <c>creation_time</c>, <c>last_update_time</c>, tags.</summary>
public sealed record ExperimentQuery(
    IReadOnlyList<FilterClause> Filter,
    IReadOnlyList<OrderClause> OrderBy,
    ViewType ViewType,
    int MaxResults,
    int Offset);
