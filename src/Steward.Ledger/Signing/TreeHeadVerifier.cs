using System.Security.Cryptography;

namespace Steward.Ledger.Signing;

/// <summary>
/// Checks tree head signatures made by <see cref="TreeHeadSigner"/>: ECDSA P-256 with SHA-256
/// over <see cref="TreeHead.ToSigningBytes"/>, DER-encoded (RFC 3279) signatures, public keys
/// as SubjectPublicKeyInfo. Needs only the public key, so auditors can verify offline.
/// </summary>
public static class TreeHeadVerifier
{
    private const string P256Oid = "1.2.840.10045.3.1.7";

    /// <summary>True when <paramref name="signature"/> is the log key's signature of <paramref name="head"/>.</summary>
    /// <param name="head">The head as published.</param>
    /// <param name="signature">The DER-encoded ECDSA signature; malformed bytes simply fail.</param>
    /// <param name="publicKey">The DER SubjectPublicKeyInfo of a P-256 key.</param>
    /// <exception cref="ArgumentException">The public key is not a P-256 SubjectPublicKeyInfo.</exception>
    public static bool Verify(TreeHead head, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> publicKey)
    {
        ArgumentNullException.ThrowIfNull(head);
        using var key = ImportPublicKey(publicKey);
        return key.VerifyData(head.ToSigningBytes(), signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
    }

    /// <summary>
    /// True when <paramref name="signature"/> is the log key's signature of <paramref name="head"/>,
    /// with the public key as published: PEM (<c>-----BEGIN PUBLIC KEY-----</c>) or base64 DER.
    /// </summary>
    /// <exception cref="ArgumentException">The text is not a P-256 public key in either form.</exception>
    public static bool Verify(TreeHead head, ReadOnlySpan<byte> signature, string publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        return Verify(head, signature, DecodePublicKey(publicKey));
    }

    /// <summary>The key id of a DER SubjectPublicKeyInfo: lowercase hex of its SHA-256.</summary>
    public static string KeyIdOf(ReadOnlySpan<byte> publicKey) => Convert.ToHexStringLower(SHA256.HashData(publicKey));

    internal static void EnsureP256(ECDsa key)
    {
        if (key.ExportParameters(false).Curve.Oid?.Value != P256Oid)
        {
            throw new CryptographicException("The key is not on curve P-256.");
        }
    }

    /// <summary>The DER SubjectPublicKeyInfo of a public key as published: PEM (<c>-----BEGIN PUBLIC KEY-----</c>, anywhere in the text) or base64 DER.</summary>
    /// <exception cref="ArgumentException">The text is neither, or the key is not P-256.</exception>
    public static byte[] ParsePublicKey(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var der = DecodePublicKey(text);
        ImportPublicKey(der).Dispose();
        return der;
    }

    private static byte[] DecodePublicKey(string text)
    {
        if (PemEncoding.TryFind(text, out var fields))
        {
            if (text[fields.Label] is not "PUBLIC KEY")
            {
                throw new ArgumentException("Expected a \"PUBLIC KEY\" PEM block.", nameof(text));
            }
            return Convert.FromBase64String(text[fields.Base64Data]); // TryFind validated the base64
        }
        var der = new byte[text.Length];
        if (!Convert.TryFromBase64String(text.Trim(), der, out int length))
        {
            throw new ArgumentException("The public key is neither PEM nor base64.", nameof(text));
        }
        return der[..length];
    }

    private static ECDsa ImportPublicKey(ReadOnlySpan<byte> publicKey)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportSubjectPublicKeyInfo(publicKey, out int read);
            if (read != publicKey.Length)
            {
                throw new CryptographicException("Trailing bytes after the public key.");
            }
            EnsureP256(key);
            return key;
        }
        catch (CryptographicException exception)
        {
            key.Dispose();
            throw new ArgumentException("The public key is not a P-256 SubjectPublicKeyInfo.", nameof(publicKey), exception);
        }
    }
}
