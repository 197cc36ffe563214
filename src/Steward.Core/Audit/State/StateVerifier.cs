using System.Text.Json;

namespace Steward.Audit.State;

/// <summary>
/// Checks the governed records against the ledger: replays every entry's kept payload, in
/// order, through each feature's <see cref="IStateReplay"/>, and lists every difference between
/// what the ledger says was written and what the tables hold. A kept payload is trusted only
/// when its SHA-256 is the digest in its entry (which the Merkle tree and the heads vouch for).
/// </summary>
public static class StateVerifier
{
    private const int PageSize = 5_000;

    /// <summary>Replays the whole ledger and compares.</summary>
    public static async Task<StateVerification> VerifyAsync(ILedgerStore ledger, IReadOnlyList<IStateReplay> replays, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(replays);
        var differences = new List<StateDifference>();
        long entries = 0, replayed = 0, presenceOnly = 0, next = 0;
        while (true)
        {
            var page = await ledger.ListEntriesAsync(new AuditEntryQuery(next, null, PageSize), cancellationToken);
            if (page.Count == 0) break;
            var payloads = await ledger.ReadPayloadsAsync(page.Where(e => e.Outcome == AuditEntry.Ok).Select(e => e.PayloadDigest).ToHashSet(), cancellationToken);
            foreach (var entry in page)
            {
                entries++;
                if (entry.Outcome != AuditEntry.Ok) continue;
                JsonElement? payload = null;
                if (payloads.TryGetValue(entry.PayloadDigest, out var bytes))
                {
                    if (AuditPayload.Digest(bytes) == entry.PayloadDigest)
                    {
                        payload = JsonDocument.Parse(bytes).RootElement.Clone();
                    }
                    else
                    {
                        differences.Add(new StateDifference($"ledger entry {entry.Index}", "kept payload", entry.PayloadDigest, AuditPayload.Digest(bytes)));
                    }
                }

                var handled = false;
                foreach (var replay in replays) handled |= replay.Apply(entry, payload);
                if (handled && payload is null) presenceOnly++;
                else if (handled) replayed++;
            }

            if (page.Count < PageSize) break;
            next = page[^1].Index + 1;
        }

        foreach (var replay in replays) await replay.CompareAsync(differences, cancellationToken);
        return new StateVerification(entries, replayed, presenceOnly, differences);
    }

    /// <summary>A number as payloads and reports write it: invariant, round-trip.</summary>
    internal static string Show(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
