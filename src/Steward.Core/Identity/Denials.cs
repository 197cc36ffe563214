using System.Text.Json.Nodes;
using Steward.Audit;

namespace Steward.Identity;

/// <summary>
/// Records refused requests in the ledger: action <c>auth.denied</c>, outcome <c>denied</c>, the
/// actor if the request proved one (else <c>anonymous</c>), the resource attempted. The entry is
/// appended in a transaction of its own; the refused request changes nothing else.
/// </summary>
public static class Denials
{
    /// <param name="ledger">Where the entry goes.</param>
    /// <param name="actor">Who tried, or null when the request proved no identity.</param>
    /// <param name="resource">What was attempted (<see cref="AuditResources"/>).</param>
    /// <param name="details">What the entry's payload digest covers: the attempted action, the permission or credential at fault, the reason.</param>
    /// <param name="cancellationToken">Cancels the append.</param>
    public static async Task RecordAsync(ILedgerStore ledger, string? actor, string resource, JsonObject details, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        await ledger.AppendAsync(
            AuditedChange.Standalone(actor ?? UserNames.Anonymous, AuditActions.AuthDenied, resource, details, AuditEntry.Denied), cancellationToken);
    }
}
