using Steward.Audit.State;
using Steward.Cli.Infrastructure;
using Steward.Cli.Output;
using Steward.Governance.Lifecycle;
using Steward.Registry;
using Steward.Storage;
using Steward.Tracking;

namespace Steward.Cli.Commands;

/// <summary><c>steward audit verify --state</c>: the records replayed from the ledger against the tables, one line per difference.</summary>
internal static class AuditStateCheck
{
    public static async Task<int> RunAsync(StewardStorage storage, CancellationToken cancellationToken)
    {
        IReadOnlyList<IStateReplay> replays =
        [
            new TrackingStateReplay(storage.Tracking),
            new RegistryStateReplay(storage.Registry),
            new LifecycleStateReplay(storage.Governance.Lifecycle),
        ];
        StateVerification state;
        try
        {
            state = await StateVerifier.VerifyAsync(storage.Ledger, replays, cancellationToken);
        }
        catch (System.Data.Common.DbException e)
        {
            throw new CliException($"--state needs the ledger's kept payloads, which this database does not have yet (start a current server on it once): {e.Message}", ExitCodes.BadInput);
        }

        var presence = state.PresenceOnly > 0 ? $"; {state.PresenceOnly} older entries have no kept payload, so only their records' existence was checked" : "";
        if (state.Ok)
        {
            Console.Out.WriteLine($"ok: the records agree with {state.Replayed} replayed entries{presence}");
            return ExitCodes.Ok;
        }

        var table = Printer.Table("Record", "Field", "Ledger", "Stored");
        foreach (var d in state.Differences) table.Row(d.Record, d.Field, d.LedgerValue ?? "(absent)", d.StoredValue ?? "(absent)");
        Printer.Write(table);
        var first = state.Differences[0];
        throw new CliException(
            $"state verification failed: {state.Differences.Count} difference(s); first: {first.Record} {first.Field}: the ledger says {first.LedgerValue ?? "(absent)"}, the database holds {first.StoredValue ?? "(absent)"}{presence}",
            ExitCodes.Refused);
    }
}
