using System.CommandLine;
using System.Security.Cryptography;
using Steward.Audit;
using Steward.Cli.Infrastructure;
using Steward.Ledger.Signing;
using Steward.Storage;
using Steward.Storage.Ledger;

namespace Steward.Cli.Commands;

/// <summary>
/// <c>steward audit export</c>: the ledger as one JSON bundle for offline verification, read
/// from the storage directly. Every bundle carries a signed head of all its entries, so an
/// auditor can hold it against heads kept elsewhere: the newest stored head when it covers
/// them, else one signed now with the ledger's key and stored as the server stores its own.
/// </summary>
internal static class AuditExportCommand
{
    public static Command Create()
    {
        var export = new Command("export", "Write the ledger (entries with their canonical bytes, signed heads, public key) to a JSON bundle for offline verification. The bundle always carries a head of all its entries: the newest stored one when it covers them, else one signed now with the ledger key (--ledger-key) and stored.")
        {
            CliOptions.Data, CliOptions.Database, CliOptions.LedgerKey, CliOptions.Out,
        };
        export.SetAction((parse, cancellationToken) => CliAction.RunAsync(() => ExportAsync(parse, cancellationToken)));
        return export;
    }

    private static async Task<int> ExportAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        await using var storage = await OpenStorageAsync(parse, cancellationToken);
        // The size is fixed here: a server appending meanwhile cannot leave the bundle's entries beyond its newest head.
        var snapshot = await LedgerSnapshot.ReadAsync(storage.Ledger, cancellationToken);
        var publicKey = await storage.Ledger.GetSigningKeyAsync(cancellationToken) ?? snapshot.Heads.LastOrDefault()?.PublicKey;
        if (publicKey is null || snapshot.CoveringHead(publicKey) is null)
        {
            using var signer = await LoadSignerAsync(storage, snapshot.TreeSize, cancellationToken);
            var head = await new AuditService(storage.Ledger, signer, TimeProvider.System).GetHeadAtAsync(snapshot.TreeSize, cancellationToken);
            snapshot = snapshot.With(head);
            publicKey = signer.PublicKey;
        }

        var path = parse.GetRequiredValue(CliOptions.Out);
        var temporary = path + ".partial";
        long count;
        await using (var output = File.Create(temporary))
        {
            count = await AuditBundle.ExportAsync(storage.Ledger, snapshot, publicKey, output, cancellationToken);
        }

        File.Move(temporary, path, overwrite: true);
        Console.Out.WriteLine($"wrote {count} entries to {path}");
        return ExitCodes.Ok;
    }

    /// <summary>The ledger's signing key, as a server finds it; never created here (a new key would sign over the ledger's).</summary>
    private static async Task<TreeHeadSigner> LoadSignerAsync(StewardStorage storage, long treeSize, CancellationToken cancellationToken)
    {
        var path = storage.LedgerKeyPath;
        if (!File.Exists(path))
        {
            throw new CliException($"no signed head covers the ledger's {treeSize} entries and there is no ledger key at {path} to sign one; give the ledger's key with --ledger-key");
        }

        try
        {
            return await LedgerSigningKey.LoadAsync(storage, cancellationToken);
        }
        catch (InvalidOperationException e)
        {
            throw new CliException(e.Message);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException or FormatException)
        {
            throw new CliException($"the ledger key at {path} is not a PKCS#8 PEM private key ({e.Message}); give the ledger's key with --ledger-key");
        }
        catch (UnauthorizedAccessException)
        {
            throw new CliException($"cannot read the ledger key at {path}; give a key file you may read with --ledger-key");
        }
    }

    private static async Task<StewardStorage> OpenStorageAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var options = AuditCommand.StorageOptionsFor(parse);
        if (options.PostgresConnectionString is null && !File.Exists(Path.Combine(options.DataDirectory, "steward.db")))
        {
            throw new CliException($"no Steward database in {Path.GetFullPath(options.DataDirectory)}; give the server's --data folder or --db");
        }

        return await StewardStorage.OpenAsync(options, cancellationToken);
    }
}
