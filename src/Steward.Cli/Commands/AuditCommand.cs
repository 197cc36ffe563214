using System.CommandLine;
using Steward.Audit;
using Steward.Audit.Heads;
using Steward.Cli.Infrastructure;
using Steward.Cli.Output;
using Steward.Client;
using Steward.Storage;
using Steward.Ledger.Signing;
using Steward.Storage.Ledger;

namespace Steward.Cli.Commands;

/// <summary>
/// <c>steward audit verify|export|head|key|witness|entries</c>. Verify and export (<see cref="AuditExportCommand"/>) read the storage
/// directly (<c>--data</c>/<c>--db</c>), so they work with the server stopped and do not trust it;
/// verify only reads (no migration, read-only rights and the public key suffice);
/// <c>verify --bundle</c> needs nothing but the file. Head, key, witness and entries ask a server.
/// </summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var verify = new Command("verify", "Recompute the whole ledger from its entries and check every stored hash and every signed head (stored, in the bundle, and in --heads files); exit 2 naming the first entry that does not match. Reads the database without changing it.")
        {
            CliOptions.Data, CliOptions.Database, CliOptions.LedgerKey, CliOptions.PublicKey, CliOptions.Bundle, CliOptions.Heads, CliOptions.State,
        };
        verify.SetAction((parse, cancellationToken) => CliAction.RunAsync(() => VerifyAsync(parse, cancellationToken)));

        var entries = new Command("entries", "List ledger entries (index, time, actor, action, resource, outcome) by index range, time, resource, actor or action.")
        {
            CliOptions.Resource, CliOptions.Actor, CliOptions.AuditAction, CliOptions.EntriesSince, CliOptions.EntriesUntil, CliOptions.Start, CliOptions.End, CliOptions.MaxResults, CliOptions.PageToken,
        };
        entries.SetClientAction(EntriesAsync);

        return new Command("audit", "The tamper-evident audit ledger (verify, export, head, key, witness, entries) and audits of data files (fairness, drift).")
        {
            verify, AuditExportCommand.Create(), AuditHeadCommands.Head(), AuditHeadCommands.Key(), AuditHeadCommands.Witness(), entries, AuditFairnessCommand.Create(), AuditDriftCommand.Create(),
        };
    }

    private static async Task<int> VerifyAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var heads = await ReadHeadFilesAsync(parse.GetValue(CliOptions.Heads) ?? [], cancellationToken);
        var publicKey = await ReadPublicKeyAsync(parse.GetValue(CliOptions.PublicKey), cancellationToken);
        LedgerVerification result;
        if (parse.GetValue(CliOptions.Bundle) is { Length: > 0 } bundle)
        {
            if (!File.Exists(bundle)) throw new CliException($"no bundle at {bundle}");
            if (parse.GetValue(CliOptions.State)) throw new CliException("--state checks a database's records; give --data or --db instead of --bundle");
            await using var stream = File.OpenRead(bundle);
            try
            {
                result = AuditBundle.Verify(stream, publicKey, heads);
            }
            catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException)
            {
                throw new CliException($"audit verification failed: the bundle is malformed ({e.Message})", ExitCodes.Refused);
            }
        }
        else
        {
            await using var storage = await OpenForReadingAsync(parse, cancellationToken);
            var key = publicKey ?? ReadablePublicKey(storage.LedgerKeyPath);
            if (key is null && heads.Count > 0) key = heads[0].PublicKey;
            if (key is null)
            {
                key = await RecordedKeyAsync(storage, cancellationToken);
                await Console.Error.WriteLineAsync(key is null
                    ? "steward: warning: no public key given (--public-key) and none recorded; heads are checked against the keys stored with them"
                    : "steward: warning: no public key given (--public-key); heads are checked against the key recorded in the database");
            }

            result = await LedgerVerifier.VerifyStoreAsync(storage.Ledger, key, heads, cancellationToken);
            if (result.Ok && parse.GetValue(CliOptions.State))
            {
                PrintLedgerOk(result);
                return await AuditStateCheck.RunAsync(storage, cancellationToken);
            }
        }

        PrintLedgerOk(result);
        return ExitCodes.Ok;
    }

    private static void PrintLedgerOk(LedgerVerification result)
    {
        if (!result.Ok) throw new CliException($"audit verification failed at entry {result.FirstBadEntry}: {result.Problem}", ExitCodes.Refused);
        Console.Out.WriteLine($"ok: {result.Entries} entries and {result.Heads} signed heads verified; root {Convert.ToHexStringLower(result.RootHash)}; key {result.KeyId ?? "(none)"}");
    }

    /// <summary>Every head in the given files; a malformed line is bad input naming the file and line.</summary>
    internal static async Task<IReadOnlyList<SignedTreeHead>> ReadHeadFilesAsync(IEnumerable<string> paths, CancellationToken cancellationToken)
    {
        var heads = new List<SignedTreeHead>();
        foreach (var path in paths)
        {
            if (!File.Exists(path)) throw new CliException($"no heads file at {path}");
            try
            {
                heads.AddRange(HeadsFile.Parse(await File.ReadAllTextAsync(path, cancellationToken)));
            }
            catch (FormatException e)
            {
                throw new CliException($"{path}: {e.Message}");
            }
        }

        return heads;
    }

    internal static async Task<byte[]?> ReadPublicKeyAsync(string? path, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(path)) return null;
        if (!File.Exists(path)) throw new CliException($"no public key file at {path}");
        try
        {
            return TreeHeadVerifier.ParsePublicKey(await File.ReadAllTextAsync(path, cancellationToken));
        }
        catch (ArgumentException e)
        {
            throw new CliException($"{path}: {e.Message}");
        }
    }

    /// <summary>The key recorded in the database; null in a database older than the record (verify does not migrate).</summary>
    private static async Task<byte[]?> RecordedKeyAsync(StewardStorage storage, CancellationToken cancellationToken)
    {
        try
        {
            return await storage.Ledger.GetSigningKeyAsync(cancellationToken);
        }
        catch (System.Data.Common.DbException)
        {
            return null;
        }
    }

    /// <summary>The public half of the signing key file, when this user may read it (an auditor usually may not).</summary>
    private static byte[]? ReadablePublicKey(string path)
    {
        try
        {
            return LedgerKeyFile.ReadPublicKey(path);
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static async Task<StewardStorage> OpenForReadingAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        try
        {
            return await StewardStorage.OpenForReadingAsync(StorageOptionsFor(parse), cancellationToken);
        }
        catch (InvalidOperationException e)
        {
            throw new CliException($"{e.Message}; give the server's --data folder or --db");
        }
    }

    /// <summary>The storage the server with these options uses: <c>--data</c>, <c>--db</c>, <c>--ledger-key</c>.</summary>
    internal static StorageOptions StorageOptionsFor(ParseResult parse) => new()
    {
        DataDirectory = parse.GetRequiredValue(CliOptions.Data),
        PostgresConnectionString = ServerCommand.DatabaseOption(parse),
        LedgerKeyPath = parse.GetValue(CliOptions.LedgerKey),
    };

    private static async Task<int> EntriesAsync(ParseResult parse, StewardClient client, OutputFormat output, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var search = new LedgerEntrySearch
        {
            Start = parse.GetValue(CliOptions.Start),
            End = parse.GetValue(CliOptions.End),
            Resource = parse.GetValue(CliOptions.Resource),
            Actor = parse.GetValue(CliOptions.Actor),
            Action = parse.GetValue(CliOptions.AuditAction),
            Since = PointsInTime.Parse(parse.GetValue(CliOptions.EntriesSince), "--since", now),
            Until = PointsInTime.Parse(parse.GetValue(CliOptions.EntriesUntil), "--until", now),
            MaxResults = parse.GetValue(CliOptions.MaxResults),
        };
        if (search.Since > search.Until) throw new CliException($"--since ({search.Since:O}) is after --until ({search.Until:O}): no entry can match");
        var page = await client.ListLedgerEntriesAsync(search, parse.GetValue(CliOptions.PageToken), cancellationToken);
        if (output == OutputFormat.Json)
        {
            Printer.Json(page);
            return ExitCodes.Ok;
        }

        var table = Printer.Table("Index", "Time", "Actor", "Action", "Resource", "Outcome", "Payload digest");
        foreach (var e in page.Entries)
        {
            table.Row(e.Index.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Timestamp, e.Actor, e.Action, e.Resource, e.Outcome, e.PayloadDigest[..16] + "…");
        }

        Printer.Write(table);
        Printer.MoreResults(page.NextPageToken);
        return ExitCodes.Ok;
    }
}
