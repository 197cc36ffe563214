using Steward.Ledger.Signing;

namespace Steward.Storage.Ledger;

/// <summary>
/// The signing key a server may use on this ledger. The first start on an empty ledger creates
/// the key file and records its public key in the database; every later start must bring the
/// key that signed the ledger's heads. A server with no key file, or another key, refuses to
/// start rather than sign heads of its own over the ledger: replicas that each made their own
/// key would sign over each other, and heads by a key nobody published prove nothing.
/// </summary>
public static class LedgerSigningKey
{
    /// <summary>Loads (or on a new ledger creates) the key and checks it against the ledger.</summary>
    /// <exception cref="InvalidOperationException">The key is missing or is not the ledger's; the message says what to do.</exception>
    public static async Task<TreeHeadSigner> LoadAsync(StewardStorage storage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var path = storage.LedgerKeyPath;
        var recorded = await storage.Ledger.GetSigningKeyAsync(cancellationToken);
        // Before the key was recorded (a database older than the record), the stored heads say which key signed.
        var signedBy = recorded ?? (await storage.Ledger.GetLatestHeadAsync(cancellationToken))?.PublicKey;
        var created = false;
        TreeHeadSigner signer;
        if (File.Exists(path))
        {
            signer = TreeHeadSigner.FromPkcs8Pem(await File.ReadAllTextAsync(path, cancellationToken));
        }
        else
        {
            if (signedBy is not null)
            {
                throw new InvalidOperationException(
                    $"the ledger in {storage.Description} is signed by key {TreeHeadVerifier.KeyIdOf(signedBy)} and there is no key file at {path}; give that key with --ledger-key (every server on this database needs the same key file)");
            }

            if (storage.IsShared && (await storage.Ledger.GetStateAsync(cancellationToken)).TreeSize > 0)
            {
                throw new InvalidOperationException(
                    $"the ledger in {storage.Description} already holds entries and there is no key file at {path}; give the key the other servers on this database use with --ledger-key");
            }

            signer = LedgerKeyFile.LoadOrCreate(path);
            created = true;
        }

        try
        {
            if (signedBy is not null && !signedBy.AsSpan().SequenceEqual(signer.PublicKey))
            {
                throw Mismatch(storage, path, signedBy, signer);
            }

            var winner = await storage.Ledger.RecordSigningKeyAsync(signer.PublicKey, cancellationToken);
            if (!winner.AsSpan().SequenceEqual(signer.PublicKey))
            {
                // Another server recorded its key first (two first starts at once): ours must not stay.
                if (created) File.Delete(path);
                throw Mismatch(storage, path, winner, signer);
            }

            return signer;
        }
        catch
        {
            signer.Dispose();
            throw;
        }
    }

    private static InvalidOperationException Mismatch(StewardStorage storage, string path, byte[] ledgerKey, TreeHeadSigner signer) =>
        new($"the ledger in {storage.Description} is signed by key {TreeHeadVerifier.KeyIdOf(ledgerKey)}, but the key file {path} holds key {signer.KeyId}; give the ledger's key with --ledger-key");
}
