using Steward.Audit;

namespace Steward.Governance.Configuration;

/// <summary>
/// Where stored versions of governance configuration files live (the shipped version 0 is not
/// stored). Each write appends the ledger entry of the <see cref="AuditedChange"/> it is given, in its transaction.
/// </summary>
public interface IGovernanceDocumentStore
{
    /// <summary>Stores <paramref name="content"/> as the next version of (kind, name), numbered one past the highest stored.</summary>
    /// <remarks>Fails with <c>ResourceAlreadyExists</c> if another server stored that number first.</remarks>
    Task<VersionedDocument> AddAsync(AuditedChange change, string kind, string name, string content, string sha256, string createdBy, long now, CancellationToken cancellationToken);

    /// <summary>One stored version, or the newest when <paramref name="version"/> is null; null when none is stored.</summary>
    Task<VersionedDocument?> GetAsync(string kind, string name, int? version, CancellationToken cancellationToken);

    /// <summary>Every stored version of one file, oldest first.</summary>
    Task<IReadOnlyList<VersionedDocument>> ListVersionsAsync(string kind, string name, CancellationToken cancellationToken);

    /// <summary>The newest stored version of every file of a kind, by name.</summary>
    Task<IReadOnlyList<VersionedDocument>> ListLatestAsync(string kind, CancellationToken cancellationToken);
}
