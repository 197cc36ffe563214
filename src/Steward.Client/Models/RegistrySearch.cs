namespace Steward.Client;

/// <summary>A search over registered models or model versions.</summary>
public sealed record RegistrySearch
{
    /// <summary>MLflow search syntax, e.g. <c>name LIKE 'churn%'</c> or <c>run_id = '...'</c>.</summary>
    public string? Filter { get; init; }

    /// <summary>Order clauses, e.g. <c>name ASC</c> or <c>version_number DESC</c>.</summary>
    public IReadOnlyList<string>? OrderBy { get; init; }

    /// <summary>Page size; the server's default when null.</summary>
    public int? MaxResults { get; init; }
}
