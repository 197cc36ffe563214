namespace Steward.Client;

/// <summary>Filters of the registry listing; null matches anything.</summary>
public sealed record GovernanceRecordSearch
{
    /// <summary>Only this domain.</summary>
    public string? Domain { get; init; }

    /// <summary>Only this owner.</summary>
    public string? Owner { get; init; }

    /// <summary>Only this status.</summary>
    public string? Status { get; init; }

    /// <summary>Only this risk tier.</summary>
    public string? Tier { get; init; }

    /// <summary>Only models overdue for review.</summary>
    public bool OverdueOnly { get; init; }

    /// <summary>Page size.</summary>
    public int? MaxResults { get; init; }
}
