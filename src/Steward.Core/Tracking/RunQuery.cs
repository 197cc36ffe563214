using Steward.Tracking.Search;

namespace Steward.Tracking;

/// <summary>A parsed, validated run search; stores read <see cref="MaxResults"/> + 1 rows to know if more exist.</summary>
public sealed record RunQuery(
    IReadOnlyList<string> ExperimentIds,
    IReadOnlyList<FilterClause> Filter,
    IReadOnlyList<OrderClause> OrderBy,
    ViewType ViewType,
    int MaxResults,
    int Offset);
