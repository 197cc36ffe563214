namespace Steward.Client;

/// <summary>The ledger's signed tree head.</summary>
/// <param name="TreeSize">Entries covered.</param>
/// <param name="RootHash">RFC 9162 root hash, lowercase hex.</param>
/// <param name="Timestamp">When it was signed, ISO 8601 UTC with milliseconds.</param>
/// <param name="Signature">ECDSA P-256 SHA-256 signature (DER), base64, over the canonical JSON of size, root and time.</param>
/// <param name="PublicKey">The log key, DER SubjectPublicKeyInfo, base64.</param>
public sealed record LedgerHead(long TreeSize, string RootHash, string Timestamp, string Signature, string PublicKey);

/// <summary>A ledger entry with its canonical bytes.</summary>
/// <param name="Index">Position in the log, from 0.</param>
/// <param name="Leaf">The entry's RFC 8785 canonical JSON bytes, base64.</param>
/// <param name="LeafHash">SHA-256(0x00 ‖ leaf), lowercase hex.</param>
/// <param name="Actor">Who acted.</param>
/// <param name="Action">What was done, e.g. <c>run.log_batch</c>.</param>
/// <param name="Resource">What it was done to, e.g. <c>run/&lt;id&gt;</c>.</param>
/// <param name="Timestamp">When, ISO 8601 UTC with milliseconds.</param>
/// <param name="PayloadDigest">SHA-256 of the canonical request payload, lowercase hex.</param>
/// <param name="Outcome">How it ended (<c>ok</c>).</param>
public sealed record LedgerEntry(long Index, string Leaf, string LeafHash, string Actor, string Action, string Resource, string Timestamp, string PayloadDigest, string Outcome);

/// <summary>One page of ledger entries.</summary>
/// <param name="Entries">The entries, by index.</param>
/// <param name="NextPageToken">Pass it back for the next page; null on the last.</param>
public sealed record LedgerEntryPage(IReadOnlyList<LedgerEntry> Entries, string? NextPageToken);

/// <summary>Which ledger entries to list; every filter is optional.</summary>
public sealed record LedgerEntrySearch
{
    /// <summary>First index (inclusive).</summary>
    public long? Start { get; init; }

    /// <summary>Last index (exclusive).</summary>
    public long? End { get; init; }

    /// <summary>A resource, also matching those below it (<c>registered_model/m</c> matches its versions).</summary>
    public string? Resource { get; init; }

    /// <summary>Only this actor's entries.</summary>
    public string? Actor { get; init; }

    /// <summary>Only this action.</summary>
    public string? Action { get; init; }

    /// <summary>Page size.</summary>
    public int? MaxResults { get; init; }
}

/// <summary>The key that signs the ledger's heads, as the server publishes it.</summary>
/// <param name="KeyId">Lowercase hex SHA-256 of the DER public key.</param>
/// <param name="PublicKey">DER SubjectPublicKeyInfo, base64.</param>
/// <param name="PublicKeyPem">The same key as PEM.</param>
public sealed record LedgerKey(string KeyId, string PublicKey, string PublicKeyPem);

/// <summary>An RFC 9162 consistency proof between two tree sizes.</summary>
/// <param name="First">The smaller size.</param>
/// <param name="Second">The larger size.</param>
/// <param name="Path">The proof's hashes, lowercase hex.</param>
public sealed record LedgerConsistencyProof(long First, long Second, IReadOnlyList<string> Path);
