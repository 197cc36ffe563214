namespace Steward.Client;

/// <summary>A run search: which experiments, which runs, in what order.</summary>
/// <param name="ExperimentIds">The experiments to search.</param>
public sealed record RunSearch(IReadOnlyList<string> ExperimentIds)
{
    /// <summary>MLflow search syntax, e.g. <c>metrics.rmse &lt; 1 and params.model = 'tree'</c>.</summary>
    public string? Filter { get; init; }

    /// <summary>Order clauses, e.g. <c>metrics.rmse ASC</c>; newest first when empty.</summary>
    public IReadOnlyList<string>? OrderBy { get; init; }

    /// <summary>Page size; the server's default (1000) when null.</summary>
    public int? MaxResults { get; init; }

    /// <summary>Active runs only by default.</summary>
    public ViewType View { get; init; } = ViewType.ActiveOnly;
}
