using Steward.Audit;

namespace Steward.Artifacts;

/// <summary>A write or delete of an artifact that is prepared but has not taken effect.</summary>
/// <remarks>
/// Artifact bytes follow the ledger's protocol: staged, recorded, committed. The change takes
/// effect only on <see cref="CommitAsync"/>, which requires the <see cref="LedgerReceipt"/> of
/// its recorded entry, so no change can take effect before its entry is committed. Disposing an
/// uncommitted change undoes what staging did (removes a staged file); disposing after a commit
/// does nothing.
/// </remarks>
public interface IStagedArtifactChange : IAsyncDisposable
{
    /// <summary>Makes the change visible to readers. Called at most once.</summary>
    /// <param name="receipt">The receipt of this change's ledger entry (<see cref="ILedgerStore.AppendAsync(AuditedChange, CancellationToken)"/>).</param>
    /// <param name="cancellationToken">Cancels the commit.</param>
    Task CommitAsync(LedgerReceipt receipt, CancellationToken cancellationToken);
}
