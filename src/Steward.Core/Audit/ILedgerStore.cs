using Steward.Ledger.Merkle;

namespace Steward.Audit;

/// <summary>
/// The stored audit log: entry rows, the perfect-subtree hashes proofs are built from, and the
/// signed tree heads the server issued. Entries are appended by the database itself, inside
/// each write's transaction; <see cref="AppendAsync(AuditedChange, CancellationToken)"/> is only for operations whose effect lies
/// outside the database (artifact bytes, reads of protected content).
/// </summary>
/// <remarks>
/// Readers see committed state only. Nodes asked for must lie inside the committed tree; a
/// missing node is a broken store and throws rather than yielding a wrong proof.
/// </remarks>
public interface ILedgerStore
{
    /// <summary>
    /// Appends <paramref name="change"/>'s entry in a transaction of its own: for operations whose
    /// effect lies outside the database (artifact bytes, reads of protected content, refusals).
    /// Returns once the entry is committed, with the receipt that an effect outside the database
    /// needs before it may take place (<see cref="LedgerReceipt"/>).
    /// </summary>
    Task<LedgerReceipt> AppendAsync(AuditedChange change, CancellationToken cancellationToken);

    /// <summary>
    /// Appends <paramref name="entries"/> in one transaction of their own, at contiguous indexes
    /// in the order given, and returns the index of the first: for an operation that records
    /// many entries at once, at a fraction of the cost of one transaction each. They share one
    /// timestamp. An empty list appends nothing and returns the current size.
    /// </summary>
    Task<long> AppendBatchAsync(IReadOnlyList<NewAuditEntry> entries, CancellationToken cancellationToken);

    /// <summary>The committed tree size and its edge hashes (<see cref="CompactRange.EdgeNodes"/>, concatenated).</summary>
    Task<LedgerState> GetStateAsync(CancellationToken cancellationToken);

    /// <summary>The hashes of <paramref name="nodes"/>, 32 bytes each, in order, in one read.</summary>
    /// <exception cref="KeyNotFoundException">A node is not stored.</exception>
    Task<byte[]> ReadNodesAsync(IReadOnlyList<NodeId> nodes, CancellationToken cancellationToken);

    /// <summary>Stored nodes of one level from <paramref name="fromIndex"/> on, in index order (for verification).</summary>
    Task<IReadOnlyList<StoredNode>> ListNodesAsync(int level, long fromIndex, int limit, CancellationToken cancellationToken);

    /// <summary>Entries matching <paramref name="query"/> in index order, at most <see cref="AuditEntryQuery.Limit"/>.</summary>
    Task<IReadOnlyList<AuditEntry>> ListEntriesAsync(AuditEntryQuery query, CancellationToken cancellationToken);

    /// <summary>Records a signed head the server issued, so later verification can check it.</summary>
    Task SaveHeadAsync(SignedTreeHead head, CancellationToken cancellationToken);

    /// <summary>The most recently issued head, or null before the first.</summary>
    Task<SignedTreeHead?> GetLatestHeadAsync(CancellationToken cancellationToken);

    /// <summary>Every head issued, by tree size then time.</summary>
    Task<IReadOnlyList<SignedTreeHead>> ListHeadsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The kept payloads (canonical bytes) of the given digests; digests with no kept payload
    /// (entries older than payload keeping, credentials) are absent from the answer.
    /// </summary>
    Task<IReadOnlyDictionary<string, byte[]>> ReadPayloadsAsync(IReadOnlyCollection<string> digests, CancellationToken cancellationToken);

    /// <summary>The public key (DER SubjectPublicKeyInfo) recorded as the one that signs this ledger's heads, or null before one was.</summary>
    Task<byte[]?> GetSigningKeyAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Records <paramref name="publicKey"/> as the ledger's signing key unless one is recorded
    /// already, and returns the recorded one: the caller compares, so of two servers racing on
    /// an empty database exactly one key wins.
    /// </summary>
    Task<byte[]> RecordSigningKeyAsync(byte[] publicKey, CancellationToken cancellationToken);
}

/// <summary>The committed size of the log and the hashes of its edge nodes.</summary>
public sealed record LedgerState(long TreeSize, byte[] Edge);

/// <summary>A stored perfect-subtree hash.</summary>
public sealed record StoredNode(NodeId Id, byte[] Hash);

/// <summary>
/// Which entries to list: index range <c>[Start, End)</c> (End null for "to the end") and
/// optional exact filters; <see cref="Resource"/> also matches resources below it
/// (<c>registered_model/m</c> matches <c>registered_model/m/version/2</c>).
/// </summary>
public sealed record AuditEntryQuery(long Start, long? End, int Limit)
{
    public string? Resource { get; init; }

    public string? Actor { get; init; }

    public string? Action { get; init; }

    /// <summary>Entries appended at or after this time.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Entries appended before this time.</summary>
    public DateTimeOffset? Until { get; init; }
}
