using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Steward.Ledger.Canonicalization;
using Steward.Ledger.Merkle;
using Steward.Ledger.Signing;

namespace Steward.Ledger.Tests.Signing;

public sealed class TreeHeadSigningTests
{
    private static readonly byte[] Root = MerkleHash.HashLeaf("root"u8);
    private static readonly DateTimeOffset When = new(2026, 1, 2, 3, 4, 5, 678, TimeSpan.Zero);

    [Fact]
    public void the_signed_bytes_are_the_canonical_json_of_size_root_and_time()
    {
        var head = new TreeHead(42, Root, When);
        var expected = $"{{\"rootHash\":\"{Convert.ToHexStringLower(Root)}\",\"timestamp\":\"2026-01-02T03:04:05.678Z\",\"treeSize\":42}}";
        Assert.Equal(expected, Encoding.UTF8.GetString(head.ToSigningBytes()));
        Assert.Equal(head.ToSigningBytes(), JsonCanonicalizer.Canonicalize(JsonNode.Parse(expected)));
    }

    [Fact]
    public void timestamps_are_normalized_to_utc_milliseconds()
    {
        var local = new DateTimeOffset(2026, 1, 2, 5, 4, 5, 678, TimeSpan.FromHours(2)).AddTicks(9999);
        var head = new TreeHead(1, Root, local);
        Assert.Equal(When, head.Timestamp);
        Assert.Equal(TimeSpan.Zero, head.Timestamp.Offset);
        Assert.Equal("2026-01-02T03:04:05.678Z", head.TimestampText);
        Assert.Equal(new TreeHead(1, Root, When), head);
    }

    [Fact]
    public void a_head_refuses_impossible_sizes_and_roots()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TreeHead(-1, Root, When));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TreeHead(TreeHead.MaxTreeSize + 1, Root, When));
        Assert.Throws<ArgumentException>(() => new TreeHead(1, new byte[31], When));
    }

    [Fact]
    public void a_signature_verifies_with_the_public_key_in_each_published_form()
    {
        using var signer = TreeHeadSigner.Generate();
        var head = new TreeHead(42, Root, When);
        var signature = signer.Sign(head);

        Assert.True(TreeHeadVerifier.Verify(head, signature, signer.PublicKey));
        Assert.True(TreeHeadVerifier.Verify(head, signature, signer.PublicKeyPem));
        Assert.True(TreeHeadVerifier.Verify(head, signature, signer.PublicKeyBase64));
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", signer.PublicKeyPem, StringComparison.Ordinal);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(signer.PublicKey)), signer.KeyId);
    }

    [Fact]
    public void the_signature_is_der_ecdsa_p256_sha256_over_the_signed_bytes()
    {
        // Checked with the platform's ECDsa directly, as an outside verifier would.
        using var signer = TreeHeadSigner.Generate();
        var head = new TreeHead(7, Root, When);
        var signature = signer.Sign(head);
        using var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(signer.PublicKey, out _);

        Assert.Equal(0x30, signature[0]); // DER SEQUENCE { r INTEGER, s INTEGER }
        Assert.Equal(256, key.KeySize);
        Assert.True(key.VerifyData(head.ToSigningBytes(), signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
    }

    [Fact]
    public void any_change_to_size_root_time_or_signature_fails_verification()
    {
        using var signer = TreeHeadSigner.Generate();
        var head = new TreeHead(42, Root, When);
        var signature = signer.Sign(head);
        var otherRoot = (byte[])Root.Clone();
        otherRoot[31] ^= 1;

        Assert.False(TreeHeadVerifier.Verify(new TreeHead(43, Root, When), signature, signer.PublicKey));
        Assert.False(TreeHeadVerifier.Verify(new TreeHead(42, otherRoot, When), signature, signer.PublicKey));
        Assert.False(TreeHeadVerifier.Verify(new TreeHead(42, Root, When.AddMilliseconds(1)), signature, signer.PublicKey));
        for (int i = 0; i < signature.Length; i++)
        {
            var tampered = (byte[])signature.Clone();
            tampered[i] ^= 0x01;
            Assert.False(TreeHeadVerifier.Verify(head, tampered, signer.PublicKey));
        }
        Assert.False(TreeHeadVerifier.Verify(head, [], signer.PublicKey));
        Assert.False(TreeHeadVerifier.Verify(head, signature[..^1], signer.PublicKey));
        Assert.False(TreeHeadVerifier.Verify(head, [.. signature, 0], signer.PublicKey));
    }

    [Fact]
    public void another_key_does_not_verify_the_signature()
    {
        using var signer = TreeHeadSigner.Generate();
        using var other = TreeHeadSigner.Generate();
        var head = new TreeHead(42, Root, When);
        Assert.False(TreeHeadVerifier.Verify(head, signer.Sign(head), other.PublicKey));
    }

    [Fact]
    public void a_key_exported_as_pkcs8_pem_signs_the_same_as_the_original()
    {
        using var signer = TreeHeadSigner.Generate();
        var pem = signer.ExportPkcs8Pem();
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", pem, StringComparison.Ordinal);

        using var reloaded = TreeHeadSigner.FromPkcs8Pem(pem);
        Assert.Equal(signer.PublicKey, reloaded.PublicKey);
        var head = new TreeHead(3, Root, When);
        Assert.True(TreeHeadVerifier.Verify(head, reloaded.Sign(head), signer.PublicKey));
    }

    [Fact]
    public void keys_that_are_not_p256_or_not_keys_are_refused()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        using var rsa = RSA.Create(2048);
        Assert.Throws<ArgumentException>(() => TreeHeadSigner.FromPkcs8Pem(p384.ExportPkcs8PrivateKeyPem()));
        Assert.Throws<ArgumentException>(() => TreeHeadSigner.FromPkcs8Pem(rsa.ExportPkcs8PrivateKeyPem()));
        Assert.Throws<ArgumentException>(() => TreeHeadSigner.FromPkcs8Pem("not a key"));
        Assert.Throws<ArgumentException>(() => TreeHeadSigner.FromPkcs8Pem(p384.ExportSubjectPublicKeyInfoPem()));

        var head = new TreeHead(1, Root, When);
        Assert.Throws<ArgumentException>(() => TreeHeadVerifier.Verify(head, new byte[70], p384.ExportSubjectPublicKeyInfo()));
        Assert.Throws<ArgumentException>(() => TreeHeadVerifier.Verify(head, new byte[70], p384.ExportSubjectPublicKeyInfoPem()));
        Assert.Throws<ArgumentException>(() => TreeHeadVerifier.Verify(head, new byte[70], "%%% not base64"));
        Assert.Throws<ArgumentException>(() => TreeHeadVerifier.Verify(head, new byte[70], new byte[] { 1, 2, 3 }));
    }
}
