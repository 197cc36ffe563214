using Steward.Tracking.Search;

namespace Steward.Registry;

/// <summary>A parsed search over registered models or model versions.</summary>
public sealed record RegistryQuery(
    IReadOnlyList<FilterClause> Filter,
    IReadOnlyList<OrderClause> OrderBy,
    int MaxResults,
    int Offset);
