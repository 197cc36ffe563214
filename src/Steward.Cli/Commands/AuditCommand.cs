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
/// <c>steward audit verify|export|head|key|witness|entries</c>. Verify and export read the storage
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

        var export = new Command("export", "Sign a head of the ledger and write the ledger (entries with their canonical bytes, signed heads, public key) to a JSON bundle for offline verification.")
        {
            CliOptions.Data, CliOptions.Database, CliOptions.LedgerKey, CliOptions.Out,
        };
        export.SetAction((parse, cancellationToken) => CliAction.RunAsync(() => ExportAsync(parse, cancellationToken)));

        var entries = new Command("entries", "List ledger entries by index range, resource, actor or action.")
        {
            CliOptions.Resource, CliOptions.Actor, CliOptions.AuditAction, CliOptions.Start, CliOptions.End, CliOptions.MaxResults, CliOptions.PageToken,
        };
        entries.SetClientAction(EntriesAsync);

        return new Command("audit", "The tamper-evident audit ledger (verify, export, head, key, witness, entries) and audits of data files (fairness, drift).")
        {
            verify, export, AuditHeadCommands.Head(), AuditHeadCommands.Key(), AuditHeadCommands.Witness(), entries, AuditFairnessCommand.Create(), AuditDriftCommand.Create(),
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

    private static async Task<int> ExportAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        await using var storage = await OpenStorageAsync(parse, cancellationToken);
        if (!File.Exists(storage.LedgerKeyPath)) throw new CliException($"no ledger key at {storage.LedgerKeyPath}; give the server's key with --ledger-key");
        using var signer = TreeHeadSigner.FromPkcs8Pem(await File.ReadAllTextAsync(storage.LedgerKeyPath, cancellationToken));
        if (await storage.Ledger.GetSigningKeyAsync(cancellationToken) is { } recorded && !recorded.AsSpan().SequenceEqual(signer.PublicKey))
        {
            throw new CliException($"the ledger is signed by key {TreeHeadVerifier.KeyIdOf(recorded)}, but {storage.LedgerKeyPath} holds key {signer.KeyId}; give the ledger's key with --ledger-key");
        }

        // The bundle carries a head signed now, so it can be checked against heads kept elsewhere.
        await new AuditService(storage.Ledger, signer, TimeProvider.System).GetHeadAsync(cancellationToken);
        var path = parse.GetRequiredValue(CliOptions.Out);
        var temporary = path + ".partial";
        long count;
        await using (var output = File.Create(temporary))
        {
            count = await AuditBundle.ExportAsync(storage.Ledger, signer.PublicKey, output, cancellationToken);
        }

        File.Move(temporary, path, overwrite: true);
        Console.Out.WriteLine($"wrote {count} entries to {path}");
        return ExitCodes.Ok;
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

    private static async Task<StewardStorage> OpenStorageAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var options = StorageOptionsFor(parse);
        if (options.PostgresConnectionString is null && !File.Exists(Path.Combine(options.DataDirectory, "steward.db")))
        {
            throw new CliException($"no Steward database in {Path.GetFullPath(options.DataDirectory)}; give the server's --data folder or --db");
        }

        return await StewardStorage.OpenAsync(options, cancellationToken);
    }

    private static StorageOptions StorageOptionsFor(ParseResult parse) => new()
    {
        DataDirectory = parse.GetRequiredValue(CliOptions.Data),
        PostgresConnectionString = ServerCommand.DatabaseOption(parse),
        LedgerKeyPath = parse.GetValue(CliOptions.LedgerKey),
    };

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
