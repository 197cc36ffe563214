namespace Steward.Client;

/// <summary>Which ledger entries to list; every filter is optional.</summary>
public sealed record LedgerEntrySearch
{
    /// <summary>First index (inclusive).</summary>
    public long? Start { get; init; }

    /// <summary>Last index (exclusive).</summary>
    public long? End { get; init; }

    /// <summary>A resource, also matching those below it (<c>registered_model/m</c> matches its versions).</summary>
    public string? Resource { get; init; }

    /// <summary>Only this actor's entries.</summary>
    public string? Actor { get; init; }

    /// <summary>Only this action.</summary>
    public string? Action { get; init; }

    /// <summary>Only entries appended at or after this time.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Only entries appended before this time.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>Page size.</summary>
    public int? MaxResults { get; init; }
}
