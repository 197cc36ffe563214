namespace Steward.Audit;

/// <summary>
/// Proof that a change's ledger entry is committed: what
/// <see cref="ILedgerStore.AppendAsync(AuditedChange, CancellationToken)"/> returns once the
/// entry's transaction has committed, and what an effect outside the database requires before
/// it takes place (an artifact's bytes put in place or removed:
/// <see cref="Artifacts.IStagedArtifactChange.CommitAsync"/>).
/// </summary>
/// <remarks>
/// Only a ledger store makes one (the constructor is internal to Core and the storage), so an
/// effect outside the database cannot be committed before its entry is: staged, recorded, then
/// committed, in that order, or not at all. One receipt stands for one entry; pass it to the
/// one staged change it records. (An append made inside a database unit of several writes
/// commits with the unit; effects outside the database are never staged inside one.)
/// </remarks>
public sealed class LedgerReceipt
{
    internal LedgerReceipt(AuditedChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        Change = change;
    }

    /// <summary>The change whose entry was recorded.</summary>
    public AuditedChange Change { get; }
}
