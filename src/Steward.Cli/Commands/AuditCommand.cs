using System.CommandLine;
using Steward.Audit;
using Steward.Cli.Infrastructure;
using Steward.Cli.Output;
using Steward.Client;
using Steward.Storage;
using Steward.Storage.Ledger;

namespace Steward.Cli.Commands;

/// <summary>
/// <c>steward audit verify|export|head|entries</c>. Verify and export read the storage directly
/// (<c>--data</c>/<c>--db</c>, as the server does), so they work with the server stopped and do
/// not trust it; <c>verify --bundle</c> needs nothing but the file. Head and entries ask a server.
/// </summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var verify = new Command("verify", "Recompute the whole ledger from its entries and check every stored hash and signed head; exit 2 naming the first entry that does not match.")
        {
            CliOptions.Data, CliOptions.Database, CliOptions.LedgerKey, CliOptions.Bundle,
        };
        verify.SetAction((parse, cancellationToken) => CliAction.RunAsync(() => VerifyAsync(parse, cancellationToken)));

        var export = new Command("export", "Write the ledger (entries with their canonical bytes, signed heads, public key) to a JSON bundle for offline verification.")
        {
            CliOptions.Data, CliOptions.Database, CliOptions.LedgerKey, CliOptions.Out,
        };
        export.SetAction((parse, cancellationToken) => CliAction.RunAsync(() => ExportAsync(parse, cancellationToken)));

        var head = new Command("head", "Show the server's current signed tree head.");
        head.SetClientAction(HeadAsync);

        var entries = new Command("entries", "List ledger entries by index range, resource, actor or action.")
        {
            CliOptions.Resource, CliOptions.Actor, CliOptions.AuditAction, CliOptions.Start, CliOptions.End, CliOptions.MaxResults, CliOptions.PageToken,
        };
        entries.SetClientAction(EntriesAsync);

        return new Command("audit", "The tamper-evident audit ledger (verify, export, head, entries) and audits of data files (fairness, drift).")
        {
            verify, export, head, entries, AuditFairnessCommand.Create(), AuditDriftCommand.Create(),
        };
    }

    private static async Task<int> VerifyAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        LedgerVerification result;
        if (parse.GetValue(CliOptions.Bundle) is { Length: > 0 } bundle)
        {
            if (!File.Exists(bundle)) throw new CliException($"no bundle at {bundle}");
            await using var stream = File.OpenRead(bundle);
            try
            {
                result = AuditBundle.Verify(stream);
            }
            catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException)
            {
                throw new CliException($"audit verification failed: the bundle is malformed ({e.Message})", ExitCodes.Refused);
            }
        }
        else
        {
            await using var storage = await OpenStorageAsync(parse, cancellationToken);
            var key = LedgerKeyFile.ReadPublicKey(storage.LedgerKeyPath);
            if (key is null) await Console.Error.WriteLineAsync($"steward: warning: no key file at {storage.LedgerKeyPath}; heads are checked against the keys stored with them");
            result = await LedgerVerifier.VerifyStoreAsync(storage.Ledger, key, cancellationToken);
        }

        if (!result.Ok) throw new CliException($"audit verification failed at entry {result.FirstBadEntry}: {result.Problem}", ExitCodes.Refused);
        Console.Out.WriteLine($"ok: {result.Entries} entries and {result.Heads} signed heads verified; root {Convert.ToHexStringLower(result.RootHash)}; key {result.KeyId ?? "(none)"}");
        return ExitCodes.Ok;
    }

    private static async Task<int> ExportAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        await using var storage = await OpenStorageAsync(parse, cancellationToken);
        var key = LedgerKeyFile.ReadPublicKey(storage.LedgerKeyPath)
            ?? throw new CliException($"no ledger key at {storage.LedgerKeyPath}; give the server's key with --ledger-key");
        var path = parse.GetRequiredValue(CliOptions.Out);
        var temporary = path + ".partial";
        long count;
        await using (var output = File.Create(temporary))
        {
            count = await AuditBundle.ExportAsync(storage.Ledger, key, output, cancellationToken);
        }

        File.Move(temporary, path, overwrite: true);
        Console.Out.WriteLine($"wrote {count} entries to {path}");
        return ExitCodes.Ok;
    }

    private static async Task<StewardStorage> OpenStorageAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var data = parse.GetRequiredValue(CliOptions.Data);
        var database = ServerCommand.DatabaseOption(parse);
        if (database is null && !File.Exists(Path.Combine(data, "steward.db")))
        {
            throw new CliException($"no Steward database in {Path.GetFullPath(data)}; give the server's --data folder or --db");
        }

        return await StewardStorage.OpenAsync(
            new StorageOptions { DataDirectory = data, PostgresConnectionString = database, LedgerKeyPath = parse.GetValue(CliOptions.LedgerKey) },
            cancellationToken);
    }

    private static async Task<int> HeadAsync(ParseResult parse, StewardClient client, OutputFormat output, CancellationToken cancellationToken)
    {
        var head = await client.GetLedgerHeadAsync(cancellationToken);
        if (output == OutputFormat.Json)
        {
            Printer.Json(head);
            return ExitCodes.Ok;
        }

        Printer.Write(Printer.Details("Signed tree head", [
            ("Tree size", head.TreeSize.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Root hash", head.RootHash),
            ("Timestamp", head.Timestamp),
            ("Signature", head.Signature),
            ("Public key", head.PublicKey),
        ]));
        return ExitCodes.Ok;
    }

    private static async Task<int> EntriesAsync(ParseResult parse, StewardClient client, OutputFormat output, CancellationToken cancellationToken)
    {
        var search = new LedgerEntrySearch
        {
            Start = parse.GetValue(CliOptions.Start),
            End = parse.GetValue(CliOptions.End),
            Resource = parse.GetValue(CliOptions.Resource),
            Actor = parse.GetValue(CliOptions.Actor),
            Action = parse.GetValue(CliOptions.AuditAction),
            MaxResults = parse.GetValue(CliOptions.MaxResults),
        };
        var page = await client.ListLedgerEntriesAsync(search, parse.GetValue(CliOptions.PageToken), cancellationToken);
        if (output == OutputFormat.Json)
        {
            Printer.Json(page);
            return ExitCodes.Ok;
        }

        var table = Printer.Table("Index", "Time", "Actor", "Action", "Resource", "Payload digest");
        foreach (var e in page.Entries)
        {
            table.Row(e.Index.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Timestamp, e.Actor, e.Action, e.Resource, e.PayloadDigest[..16] + "…");
        }

        Printer.Write(table);
        Printer.MoreResults(page.NextPageToken);
        return ExitCodes.Ok;
    }
}
