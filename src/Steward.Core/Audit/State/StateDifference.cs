namespace Steward.Audit.State;

/// <summary>One place where a stored record differs from what the ledger says was written.</summary>
/// <param name="Record">The record, as the ledger names it (<c>run/&lt;id&gt;</c>, <c>registered_model/m/version/2</c>).</param>
/// <param name="Field">What differs (<c>metric loss</c>, <c>param lr</c>, <c>stage</c>, <c>alias champion</c>, <c>exists</c>).</param>
/// <param name="LedgerValue">What the ledger says; null when it says the field is absent.</param>
/// <param name="StoredValue">What the database holds; null when absent.</param>
public sealed record StateDifference(string Record, string Field, string? LedgerValue, string? StoredValue);

/// <summary>What a state check found.</summary>
/// <param name="Entries">Ledger entries read.</param>
/// <param name="Replayed">Entries whose kept payload was replayed (values checked).</param>
/// <param name="PresenceOnly">Entries with no kept payload (written before payloads were kept): only their record's existence is checked.</param>
/// <param name="Differences">Every difference, ledger order.</param>
public sealed record StateVerification(long Entries, long Replayed, long PresenceOnly, IReadOnlyList<StateDifference> Differences)
{
    /// <summary>True when the records agree with the ledger.</summary>
    public bool Ok => Differences.Count == 0;
}
