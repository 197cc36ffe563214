using Steward.Ledger.Merkle;
using Steward.Ledger.Signing;

namespace Steward.Audit;

/// <summary>
/// Recomputes the log from its entries, in index order, and checks it against what was stored
/// or exported: each entry's canonical bytes, every stored perfect-subtree hash, the stored
/// tree size and edge, and every signed tree head (signature and root). Reports the first
/// entry that does not match.
/// </summary>
/// <remarks>
/// Problems are ranked so the report points at the cause: an entry that is missing, out of
/// order or whose bytes changed comes first (by index); then a stored interior node that
/// differs (its hashes were edited, not its entries); then a signed head whose root differs
/// (entries and nodes were rewritten together, which only the signatures reveal).
/// </remarks>
public sealed class LedgerVerifier : INodeSink
{
    private const int RankEntry = 0;
    private const int RankNode = 1;
    private const int RankHead = 2;
    private const int RankState = 3;

    private readonly CompactRange _range = new();
    private readonly List<HashColumn> _levels = [];
    private readonly List<SignedTreeHead> _heads;
    private readonly byte[]? _trustedKey;
    private int _nextHead;
    private long _lastGoodHead;
    private bool _headMismatch;
    private bool _stopped;
    private (int Rank, long Index, string Message)? _problem;

    /// <param name="heads">The signed heads to check, in any order.</param>
    /// <param name="trustedKey">The log's public key (DER SubjectPublicKeyInfo); null checks each head against the key stored with it.</param>
    /// <param name="keepNodes">Keep every recomputed node, to compare with a store's (<see cref="CheckStoredNodesAsync"/>).</param>
    public LedgerVerifier(IEnumerable<SignedTreeHead> heads, byte[]? trustedKey, bool keepNodes)
    {
        // The same head may come from the database and from an auditor's file: check it once.
        _heads = heads
            .DistinctBy(h => (h.Head.TreeSize, h.Head.RootHashHex, h.Head.Timestamp, Convert.ToBase64String(h.Signature)))
            .OrderBy(h => h.Head.TreeSize).ThenBy(h => h.Head.Timestamp).ToList();
        _trustedKey = trustedKey;
        KeepNodes = keepNodes;
        foreach (var head in _heads)
        {
            if (!head.IsSignedBy(trustedKey ?? head.PublicKey))
            {
                Report(RankHead, head.Head.TreeSize, $"the signed tree head at size {head.Head.TreeSize} ({head.Head.TimestampText}) has a signature the log key did not make");
            }
        }

        CheckHeadsAt(0);
    }

    private bool KeepNodes { get; }

    /// <summary>
    /// Verifies a stored log end to end: recomputes every leaf and node from the entry rows,
    /// compares them, the stored size and edge, every stored signed head and every head the
    /// caller kept elsewhere (<paramref name="trustedHeads"/>, e.g. an auditor's heads file).
    /// </summary>
    /// <param name="store">The ledger to check.</param>
    /// <param name="trustedKey">The log's public key; null checks each head against the key stored with it.</param>
    /// <param name="trustedHeads">Heads kept outside the database; they survive an attacker who rewrites or deletes the stored ones.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    public static async Task<LedgerVerification> VerifyStoreAsync(
        ILedgerStore store, byte[]? trustedKey, IEnumerable<SignedTreeHead>? trustedHeads, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        // Heads first, then the state: a head is made from a state already committed, so every
        // head read here lies within the state read next, unless entries were cut off the tail.
        // Entries, nodes and heads appended while this runs lie beyond the state and are left out.
        var heads = await store.ListHeadsAsync(cancellationToken);
        var state = await store.GetStateAsync(cancellationToken);
        var verifier = new LedgerVerifier(heads.Concat(trustedHeads ?? []), trustedKey, keepNodes: true);
        long next = 0;
        const int PageSize = 10_000;
        while (true)
        {
            var page = await store.ListEntriesAsync(new AuditEntryQuery(next, state.TreeSize, PageSize), cancellationToken);
            foreach (var entry in page)
            {
                if (!verifier.Add(entry)) break;
            }

            if (page.Count < PageSize || verifier._stopped) break;
            next = page[^1].Index + 1;
        }

        await verifier.CheckStoredNodesAsync(store, state, cancellationToken);
        return verifier.Finish();
    }

    /// <inheritdoc cref="VerifyStoreAsync(ILedgerStore, byte[], IEnumerable{SignedTreeHead}, CancellationToken)"/>
    public static Task<LedgerVerification> VerifyStoreAsync(ILedgerStore store, byte[]? trustedKey, CancellationToken cancellationToken) =>
        VerifyStoreAsync(store, trustedKey, null, cancellationToken);

    /// <summary>Entries recomputed so far.</summary>
    public long Count => _range.Size;

    /// <summary>
    /// Adds the next entry. When <paramref name="leafBytes"/> is given (an exported bundle),
    /// it must equal the entry's canonical bytes. Returns false once an entry is missing or out
    /// of order: later entries cannot be placed, so recomputation stops there.
    /// </summary>
    public bool Add(AuditEntry entry, byte[]? leafBytes = null)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (_stopped) return false;
        var expected = _range.Size;
        if (entry.Index != expected)
        {
            Report(RankEntry, expected, entry.Index > expected
                ? $"entry {expected} is missing (the next stored entry is {entry.Index})"
                : $"entry {entry.Index} appears again or out of order after entry {expected - 1}");
            _stopped = true;
            return false;
        }

        var canonical = entry.ToLeafBytes();
        if (leafBytes is not null && !canonical.AsSpan().SequenceEqual(leafBytes))
        {
            Report(RankEntry, expected, $"entry {expected}: its fields do not match its canonical bytes");
        }

        _range.AppendEntry(leafBytes ?? canonical, KeepNodes ? this : null);
        CheckHeadsAt(_range.Size);
        return true;
    }

    /// <summary>Compares every stored node and the stored state with the recomputed ones.</summary>
    public async Task CheckStoredNodesAsync(ILedgerStore store, LedgerState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(state);
        if (!KeepNodes) throw new InvalidOperationException("This verifier did not keep its nodes.");
        for (var level = 0; level < 63; level++)
        {
            var computed = level < _levels.Count ? _levels[level] : null;
            long next = 0;
            while (true)
            {
                var page = await store.ListNodesAsync(level, next, 10_000, cancellationToken);
                foreach (var node in page)
                {
                    if (node.Id.End > state.TreeSize) break;
                    var rank = level == 0 ? RankEntry : RankNode;
                    if (node.Id.Index != next)
                    {
                        Report(rank, next << level, level == 0
                            ? $"entry {next}: its stored leaf hash is missing"
                            : $"the stored hash of entries [{next << level}, {(next + 1) << level}) is missing");
                    }
                    else if (computed is null || node.Id.Index >= computed.Count)
                    {
                        // Entries under it are missing, which is reported where they were found missing.
                    }
                    else if (!computed.At(node.Id.Index).SequenceEqual(node.Hash))
                    {
                        Report(rank, node.Id.Start, level == 0
                            ? $"entry {node.Id.Index} does not match its stored leaf hash: the entry was changed"
                            : $"the stored hash of entries [{node.Id.Start}, {node.Id.End}) differs from the one recomputed from them");
                    }

                    next = node.Id.Index + 1;
                }

                if (page.Count < 10_000 || page[^1].Id.End > state.TreeSize) break;
            }

            if (computed is not null && next < computed.Count && !_stopped)
            {
                Report(level == 0 ? RankEntry : RankNode, next << level, level == 0
                    ? $"entry {next}: its stored leaf hash is missing"
                    : $"the stored hash of entries [{next << level}, {(next + 1) << level}) is missing");
            }

            if (computed is null && next == 0) break;
        }

        if (!_stopped && state.TreeSize > _range.Size)
        {
            Report(RankEntry, _range.Size, $"entry {_range.Size} is missing (the log records {state.TreeSize} entries, {_range.Size} are stored)");
        }
        else if (!_stopped && state.TreeSize != _range.Size)
        {
            Report(RankState, state.TreeSize, $"the log records a tree size of {state.TreeSize} but holds {_range.Size} entries");
        }
        else if (!_stopped)
        {
            var edge = CompactRange.EdgeNodes(_range.Size).SelectMany(n => _levels[n.Level].Get(n.Index)).ToArray();
            if (!edge.AsSpan().SequenceEqual(state.Edge)) Report(RankState, _range.Size, "the stored edge of the tree differs from the recomputed one");
        }
    }

    /// <summary>The outcome, once every entry was added (and stored nodes checked, if any).</summary>
    public LedgerVerification Finish()
    {
        for (; _nextHead < _heads.Count; _nextHead++)
        {
            var head = _heads[_nextHead].Head;
            if (head.TreeSize > _range.Size && !_stopped)
            {
                Report(RankEntry, _range.Size, $"entry {_range.Size} is missing: the tree head of {head.TimestampText} signed {head.TreeSize} entries, the log holds {_range.Size} (its tail was cut)");
            }
        }

        var key = _trustedKey ?? _heads.LastOrDefault()?.PublicKey;
        return new LedgerVerification(
            _range.Size,
            _heads.Count,
            _range.RootHash(),
            key is null ? null : TreeHeadVerifier.KeyIdOf(key),
            _problem?.Index,
            _problem?.Message);
    }

    void INodeSink.Add(NodeId node, ReadOnlySpan<byte> hash)
    {
        while (_levels.Count <= node.Level) _levels.Add(new HashColumn());
        _levels[node.Level].Append(hash);
    }

    /// <summary>
    /// Compares the recomputed root of the first <paramref name="size"/> entries with every head
    /// of that size. A head's root commits to its whole prefix but to no single entry, so the
    /// first changed entry is pinned between the largest head that still matches and the
    /// smallest that does not: exactly, when those sizes are adjacent (an auditor who saves a
    /// head after each write), else to that range — heads saved more often narrow it.
    /// </summary>
    private void CheckHeadsAt(long size)
    {
        while (_nextHead < _heads.Count && _heads[_nextHead].Head.TreeSize == size)
        {
            var head = _heads[_nextHead++].Head;
            if (head.RootHash.AsSpan().SequenceEqual(_range.RootHash()))
            {
                if (!_headMismatch) _lastGoodHead = size;
            }
            else if (!_headMismatch)
            {
                _headMismatch = true;
                var signed = $"the tree head of size {size} ({head.TimestampText}, root {head.RootHashHex}) signed";
                var matches = _lastGoodHead > 0 ? $"the head of size {_lastGoodHead} matches" : "no earlier head matches";
                Report(RankHead, _lastGoodHead, size - _lastGoodHead == 1
                    ? $"entry {_lastGoodHead} differs from the one {signed} ({matches}): the entry was changed and the hashes recomputed"
                    : $"the entries differ from those {signed}; the first changed entry is one of {_lastGoodHead} to {size - 1} ({matches}; heads saved more often narrow this)");
            }
        }
    }

    private void Report(int rank, long index, string message)
    {
        if (_problem is null || rank < _problem.Value.Rank || (rank == _problem.Value.Rank && index < _problem.Value.Index))
        {
            _problem = (rank, index, message);
        }
    }

    /// <summary>Hashes of one level, appended in index order, 32 bytes each in one growing array.</summary>
    private sealed class HashColumn
    {
        private byte[] _bytes = new byte[MerkleHash.Size * 1024];

        public long Count { get; private set; }

        public void Append(ReadOnlySpan<byte> hash)
        {
            var offset = checked((int)(Count * MerkleHash.Size));
            if (offset + MerkleHash.Size > _bytes.Length) Array.Resize(ref _bytes, checked(_bytes.Length * 2));
            hash.CopyTo(_bytes.AsSpan(offset));
            Count++;
        }

        public byte[] Get(long index) => At(index).ToArray();

        public ReadOnlySpan<byte> At(long index) => _bytes.AsSpan(checked((int)(index * MerkleHash.Size)), MerkleHash.Size);
    }
}

/// <summary>
/// What verification found: how much it checked, the recomputed root, the key the heads were
/// checked with, and the first entry that does not match (null when everything matched).
/// </summary>
public sealed record LedgerVerification(long Entries, int Heads, byte[] RootHash, string? KeyId, long? FirstBadEntry, string? Problem)
{
    /// <summary>True when nothing was found wrong.</summary>
    public bool Ok => Problem is null;
}
