using System.Text.Json;

namespace Steward.Audit.State;

/// <summary>
/// One feature's replay of the ledger: it folds the entries of its actions into the state the
/// ledger says its records are in, then compares that with the stores. One per feature, so each
/// knows only its own payloads (the shapes its service writes, <see cref="AuditActions"/>).
/// </summary>
public interface IStateReplay
{
    /// <summary>Folds one entry in, in ledger order. <paramref name="payload"/> is null when the entry has no kept payload: only the record's existence can be expected then.</summary>
    /// <returns>False when the action is not this feature's.</returns>
    bool Apply(AuditEntry entry, JsonElement? payload);

    /// <summary>Compares the folded state with the stored records.</summary>
    Task CompareAsync(ICollection<StateDifference> differences, CancellationToken cancellationToken);
}
