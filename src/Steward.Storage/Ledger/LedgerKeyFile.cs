using Steward.Ledger.Signing;

namespace Steward.Storage.Ledger;

/// <summary>
/// The log's ECDSA P-256 signing key as a PKCS#8 PEM file: created on first start, readable
/// by its owner only. Servers that share one PostgreSQL database must be given the same file.
/// </summary>
public static class LedgerKeyFile
{
    /// <summary>The file name in the data directory when no path is given.</summary>
    public const string DefaultFileName = "ledger-key.pem";

    /// <summary>Loads the key at <paramref name="path"/>, creating it (mode 0600) when there is none.</summary>
    public static TreeHeadSigner LoadOrCreate(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (File.Exists(path)) return TreeHeadSigner.FromPkcs8Pem(File.ReadAllText(path));

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var signer = TreeHeadSigner.Generate();
        // Written whole under a temporary name, then linked into place: a stop halfway leaves no
        // truncated key (which would stop every later start), and a server starting beside this
        // one never reads half a key.
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(System.Text.Encoding.ASCII.GetBytes(signer.ExportPkcs8Pem()));
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another server on the same data directory created it first: use theirs.
            signer.Dispose();
            return TreeHeadSigner.FromPkcs8Pem(File.ReadAllText(path));
        }
        finally
        {
            File.Delete(temporary);
        }

        return signer;
    }

    /// <summary>The public key (DER SubjectPublicKeyInfo) of the key at <paramref name="path"/>, or null when there is no file.</summary>
    public static byte[]? ReadPublicKey(string path)
    {
        if (!File.Exists(path)) return null;
        using var signer = TreeHeadSigner.FromPkcs8Pem(File.ReadAllText(path));
        return signer.PublicKey;
    }
}
