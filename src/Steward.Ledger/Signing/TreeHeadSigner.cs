using System.Security.Cryptography;

namespace Steward.Ledger.Signing;

/// <summary>
/// Signs tree heads with the log's ECDSA P-256 key: SHA-256 over
/// <see cref="TreeHead.ToSigningBytes"/>, signature encoded as a DER Ecdsa-Sig-Value
/// (SEQUENCE of INTEGER r, INTEGER s; RFC 3279 §2.2.3), the form OpenSSL, Go's crypto/ecdsa
/// and Java produce and verify by default. Verify with <see cref="TreeHeadVerifier"/>.
/// </summary>
/// <remarks>
/// The private key travels as PKCS#8 PEM (<c>-----BEGIN PRIVATE KEY-----</c>) so the server can
/// keep it in its data directory; the public key is published as SubjectPublicKeyInfo (RFC 5280),
/// as PEM or base64 DER. The key should sign nothing but tree heads.
/// </remarks>
public sealed class TreeHeadSigner : IDisposable
{
    private readonly ECDsa _key;
    private readonly byte[] _publicKey;

    private TreeHeadSigner(ECDsa key)
    {
        _key = key;
        _publicKey = key.ExportSubjectPublicKeyInfo();
    }

    /// <summary>The public key as DER SubjectPublicKeyInfo (a copy).</summary>
    public byte[] PublicKey => (byte[])_publicKey.Clone();

    /// <summary>The public key as PEM (<c>-----BEGIN PUBLIC KEY-----</c>).</summary>
    public string PublicKeyPem => PemEncoding.WriteString("PUBLIC KEY", PublicKey);

    /// <summary>The public key as standard base64 of its DER SubjectPublicKeyInfo.</summary>
    public string PublicKeyBase64 => Convert.ToBase64String(PublicKey);

    /// <summary>A short stable name for the key: lowercase hex SHA-256 of its DER SubjectPublicKeyInfo.</summary>
    public string KeyId => TreeHeadVerifier.KeyIdOf(PublicKey);

    /// <summary>Creates a signer with a new random P-256 key.</summary>
    public static TreeHeadSigner Generate() => new(ECDsa.Create(ECCurve.NamedCurves.nistP256));

    /// <summary>Loads a P-256 private key from PKCS#8 PEM, as written by <see cref="ExportPkcs8Pem"/>.</summary>
    /// <exception cref="ArgumentException">The text holds no P-256 private key.</exception>
    public static TreeHeadSigner FromPkcs8Pem(string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        if (!PemEncoding.TryFind(pem, out var fields) || pem[fields.Label] is not "PRIVATE KEY")
        {
            throw new ArgumentException("Expected a PKCS#8 \"PRIVATE KEY\" PEM block.", nameof(pem));
        }
        var key = ECDsa.Create();
        try
        {
            key.ImportPkcs8PrivateKey(Convert.FromBase64String(pem[fields.Base64Data]), out _);
            TreeHeadVerifier.EnsureP256(key);
            return new TreeHeadSigner(key);
        }
        catch (CryptographicException exception)
        {
            key.Dispose();
            throw new ArgumentException("The text holds no valid PKCS#8 P-256 private key.", nameof(pem), exception);
        }
    }

    /// <summary>The private key as unencrypted PKCS#8 PEM, for a key file only the server can read.</summary>
    public string ExportPkcs8Pem() => _key.ExportPkcs8PrivateKeyPem();

    /// <summary>Signs <paramref name="head"/>: ECDSA P-256, SHA-256, DER-encoded signature.</summary>
    public byte[] Sign(TreeHead head)
    {
        ArgumentNullException.ThrowIfNull(head);
        return _key.SignData(head.ToSigningBytes(), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
    }

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();
}
