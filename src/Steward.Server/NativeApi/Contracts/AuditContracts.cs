namespace Steward.Server.NativeApi.Contracts;

/// <summary>A signed tree head: hashes lowercase hex, signature (DER ECDSA) and public key (DER SubjectPublicKeyInfo) base64.</summary>
internal sealed record TreeHeadDto(long TreeSize, string RootHash, string Timestamp, string Signature, string PublicKey);

/// <summary>A ledger entry with its canonical bytes (base64) and leaf hash (hex).</summary>
internal sealed record AuditEntryDto(
    long Index,
    string Leaf,
    string LeafHash,
    string Actor,
    string Action,
    string Resource,
    string Timestamp,
    string PayloadDigest,
    string Outcome);

/// <summary>One page of entries; <c>nextPageToken</c> is absent on the last page.</summary>
internal sealed record AuditEntriesDto(IReadOnlyList<AuditEntryDto> Entries, string? NextPageToken);

/// <summary>An RFC 9162 inclusion proof (audit path, nearest sibling first).</summary>
internal sealed record InclusionProofDto(long Index, long TreeSize, string LeafHash, IReadOnlyList<string> Path);

/// <summary>An RFC 9162 consistency proof.</summary>
internal sealed record ConsistencyProofDto(long First, long Second, IReadOnlyList<string> Path);

/// <summary>The key that signs the ledger's heads: key id (hex SHA-256 of the DER), DER SubjectPublicKeyInfo base64, and PEM.</summary>
internal sealed record LedgerKeyDto(string KeyId, string PublicKey, string PublicKeyPem);
