namespace Steward.Contracts.Ledger;

/// <summary>The ledger's signed tree head.</summary>
/// <param name="TreeSize">Entries covered.</param>
/// <param name="RootHash">RFC 9162 root hash, lowercase hex.</param>
/// <param name="Timestamp">When it was signed, ISO 8601 UTC with milliseconds.</param>
/// <param name="Signature">ECDSA P-256 SHA-256 signature (DER), base64, over the canonical JSON of size, root and time.</param>
/// <param name="KeyId">The signing key's id, lowercase hex SHA-256 of the DER public key (as <c>GET /api/v1/audit/key</c> gives it).</param>
/// <param name="PublicKey">The log key, DER SubjectPublicKeyInfo, base64.</param>
public sealed record LedgerHead(long TreeSize, string RootHash, string Timestamp, string Signature, string KeyId, string PublicKey);

/// <summary>The key that signs the ledger's heads, as the server publishes it.</summary>
/// <param name="KeyId">Lowercase hex SHA-256 of the DER public key.</param>
/// <param name="PublicKey">DER SubjectPublicKeyInfo, base64.</param>
/// <param name="PublicKeyPem">The same key as PEM.</param>
public sealed record LedgerKey(string KeyId, string PublicKey, string PublicKeyPem);

/// <summary>An RFC 9162 inclusion proof of one entry.</summary>
/// <param name="Index">The entry's index.</param>
/// <param name="TreeSize">The tree size the proof is for.</param>
/// <param name="LeafHash">The entry's leaf hash, lowercase hex.</param>
/// <param name="Path">The audit path, nearest sibling first, lowercase hex.</param>
public sealed record LedgerInclusionProof(long Index, long TreeSize, string LeafHash, IReadOnlyList<string> Path);

/// <summary>An RFC 9162 consistency proof between two tree sizes.</summary>
/// <param name="First">The smaller size.</param>
/// <param name="Second">The larger size.</param>
/// <param name="Path">The proof's hashes, lowercase hex.</param>
public sealed record LedgerConsistencyProof(long First, long Second, IReadOnlyList<string> Path);
