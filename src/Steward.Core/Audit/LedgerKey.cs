namespace Steward.Audit;

/// <summary>The ledger's signing key as auditors fetch it.</summary>
/// <param name="KeyId">The key's id, as heads name it.</param>
/// <param name="PublicKeyBase64">The public key, base64 of its DER SubjectPublicKeyInfo.</param>
/// <param name="PublicKeyPem">The same key as PEM.</param>
public sealed record LedgerKey(string KeyId, string PublicKeyBase64, string PublicKeyPem);
