using Steward.Ledger.Signing;

namespace Steward.Audit;

/// <summary>A tree head with the log key's signature and that key (DER SubjectPublicKeyInfo).</summary>
public sealed record SignedTreeHead(TreeHead Head, byte[] Signature, byte[] PublicKey)
{
    /// <summary>True when the signature is the given key's over the head.</summary>
    public bool IsSignedBy(byte[] publicKey) => TreeHeadVerifier.Verify(Head, Signature, publicKey);
}
