using System.Numerics;

namespace Steward.Ledger.Merkle;

/// <summary>
/// The appending edge of a Merkle log: the hashes of the perfect subtrees that make up the
/// leaves <c>[0, Size)</c>, one per set bit of <see cref="Size"/>, largest first. That is all
/// it takes to append (each new leaf merges with equal-sized subtrees at the edge) and to
/// compute the current root, in O(log n) memory whatever the size of the log.
/// </summary>
/// <remarks>
/// Appending reports every perfect subtree it completes to an optional <see cref="INodeSink"/>,
/// so a store persists each node once, at append time, and can answer any later proof from
/// those nodes (<see cref="MerkleTree"/>). After a restart, <see cref="Restore"/> rebuilds the
/// edge from the stored nodes named by <see cref="EdgeNodes"/>. Appends are all-or-nothing per
/// call: if the sink throws, the range is left as it was before the call. Not thread-safe.
/// <para>
/// This is the reference append. PostgreSQL stores append with a copy in PL/pgSQL
/// (<c>ledger_append</c>, Steward.Storage migration 0007), kept so that the ledger lock is held
/// for one statement rather than across a round trip; a test on random entries proves the copy
/// stores what this computes.
/// </para>
/// </remarks>
public sealed class CompactRange
{
    private const int MaxLevels = 63;

    // Edge hashes, largest subtree first; PopCount(_size) of them are in use.
    private readonly byte[] _edge = new byte[MaxLevels * MerkleHash.Size];
    private long _size;

    /// <summary>The number of entries appended so far.</summary>
    public long Size => _size;

    /// <summary>
    /// The perfect subtrees whose hashes make up a tree of <paramref name="size"/> entries,
    /// largest first: what <see cref="Restore"/> needs. The same nodes as <see cref="ProofPlan.ForRoot"/>.
    /// </summary>
    public static IReadOnlyList<NodeId> EdgeNodes(long size) => ProofPlan.ForRoot(size).Nodes;

    /// <summary>
    /// Rebuilds the range of a log of <paramref name="size"/> entries from the hashes of its
    /// <see cref="EdgeNodes"/>, concatenated in that order.
    /// </summary>
    /// <exception cref="ArgumentException">The hashes do not match the number of edge nodes.</exception>
    public static CompactRange Restore(long size, ReadOnlySpan<byte> edgeHashes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        int count = BitOperations.PopCount((ulong)size);
        if (edgeHashes.Length != count * MerkleHash.Size)
        {
            throw new ArgumentException(
                $"A log of {size} entries has {count} edge nodes; got {edgeHashes.Length} bytes.", nameof(edgeHashes));
        }
        var range = new CompactRange { _size = size };
        edgeHashes.CopyTo(range._edge);
        return range;
    }

    /// <summary>Returns an independent copy of this range.</summary>
    public CompactRange Clone()
    {
        var copy = new CompactRange { _size = _size };
        _edge.AsSpan().CopyTo(copy._edge);
        return copy;
    }

    /// <summary>Appends one entry by its leaf hash (<see cref="MerkleHash.HashLeaf(ReadOnlySpan{byte})"/>).</summary>
    public void Append(ReadOnlySpan<byte> leafHash, INodeSink? sink = null)
    {
        if (leafHash.Length != MerkleHash.Size)
        {
            throw new ArgumentException($"A leaf hash is {MerkleHash.Size} bytes.", nameof(leafHash));
        }
        AppendLeaves(leafHash, sink);
    }

    /// <summary>Appends one entry by its bytes, hashing it as a leaf first.</summary>
    public void AppendEntry(ReadOnlySpan<byte> entry, INodeSink? sink = null)
    {
        Span<byte> leaf = stackalloc byte[MerkleHash.Size];
        MerkleHash.HashLeaf(entry, leaf);
        AppendLeaves(leaf, sink);
    }

    /// <summary>
    /// Appends a batch of entries by their leaf hashes, concatenated (<see cref="MerkleHash.Size"/>
    /// bytes each), reporting every completed perfect subtree to <paramref name="sink"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The length is not a multiple of the hash size.</exception>
    public void AppendLeaves(ReadOnlySpan<byte> leafHashes, INodeSink? sink = null)
    {
        if (leafHashes.Length % MerkleHash.Size != 0)
        {
            throw new ArgumentException($"Leaf hashes are {MerkleHash.Size} bytes each.", nameof(leafHashes));
        }

        // Work on a copy of the edge and publish it only at the end, so a sink that throws
        // leaves this range exactly as it was.
        Span<byte> edge = stackalloc byte[MaxLevels * MerkleHash.Size];
        long size = _size;
        int count = BitOperations.PopCount((ulong)size);
        _edge.AsSpan(0, count * MerkleHash.Size).CopyTo(edge);
        Span<byte> node = stackalloc byte[MerkleHash.Size];

        for (int offset = 0; offset < leafHashes.Length; offset += MerkleHash.Size)
        {
            if (size == long.MaxValue)
            {
                throw new InvalidOperationException("The log is full.");
            }
            leafHashes.Slice(offset, MerkleHash.Size).CopyTo(node);
            sink?.Add(new NodeId(0, size), node);

            // Each trailing 1 bit of the old size is an equal-sized subtree at the edge that the
            // new node completes into a parent.
            int level = 0;
            while (((size >> level) & 1) != 0)
            {
                count--;
                MerkleHash.HashChildren(edge.Slice(count * MerkleHash.Size, MerkleHash.Size), node, node);
                level++;
                sink?.Add(new NodeId(level, size >> level), node);
            }
            node.CopyTo(edge[(count * MerkleHash.Size)..]);
            count++;
            size++;
        }

        edge[..(count * MerkleHash.Size)].CopyTo(_edge);
        _size = size;
    }

    /// <summary>The root hash (RFC 9162 MTH) of the <see cref="Size"/> entries appended so far.</summary>
    public byte[] RootHash()
    {
        var root = new byte[MerkleHash.Size];
        RootHash(root);
        return root;
    }

    /// <summary>Writes the root hash of the entries appended so far to <paramref name="destination"/>.</summary>
    public void RootHash(Span<byte> destination)
    {
        if (_size == 0)
        {
            MerkleHash.EmptyRoot.CopyTo(destination);
            return;
        }
        int count = BitOperations.PopCount((ulong)_size);
        TreeMath.FoldRight(_edge.AsSpan(0, count * MerkleHash.Size), destination);
    }
}
