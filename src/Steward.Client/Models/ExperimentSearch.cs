namespace Steward.Client;

/// <summary>An experiment search.</summary>
public sealed record ExperimentSearch
{
    /// <summary>MLflow search syntax, e.g. <c>name LIKE 'churn%'</c> or <c>tags.team = 'risk'</c>.</summary>
    public string? Filter { get; init; }

    /// <summary>Order clauses, e.g. <c>name ASC</c>.</summary>
    public IReadOnlyList<string>? OrderBy { get; init; }

    /// <summary>Page size; the server's default when null.</summary>
    public int? MaxResults { get; init; }

    /// <summary>Active experiments only by default.</summary>
    public ViewType View { get; init; } = ViewType.ActiveOnly;
}
