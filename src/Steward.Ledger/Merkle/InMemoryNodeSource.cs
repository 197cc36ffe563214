namespace Steward.Ledger.Merkle;

/// <summary>
/// Perfect subtree hashes held in memory, one append-only array per level: a node store for
/// tests, benchmarks and offline verification. Feed it from <see cref="CompactRange"/> as the
/// sink and read proofs from it through <see cref="MerkleTree"/>. About 64 bytes per entry.
/// </summary>
/// <remarks>Not thread-safe: one writer, or readers only once writing is done.</remarks>
public sealed class InMemoryNodeSource : INodeSource, INodeSink
{
    // Levels are stored in fixed-size chunks so growth never copies (or needs one huge array).
    private const int ChunkShift = 16;
    private const int ChunkNodes = 1 << ChunkShift;

    private readonly List<byte[]>[] _levels = new List<byte[]>[64];
    private readonly long[] _counts = new long[64];

    /// <summary>The number of leaves stored: the largest tree size this source can answer for.</summary>
    public long LeafCount => _counts[0];

    /// <summary>The number of nodes stored at <paramref name="level"/>.</summary>
    public long CountAt(int level) => _counts[level];

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The node is not the next one at its level: nodes arrive in append order.</exception>
    public void Add(NodeId node, ReadOnlySpan<byte> hash)
    {
        if (hash.Length != MerkleHash.Size)
        {
            throw new ArgumentException($"A node hash is {MerkleHash.Size} bytes.", nameof(hash));
        }
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)node.Level, 64u, nameof(node));
        if (node.Index != _counts[node.Level])
        {
            throw new InvalidOperationException(
                $"Node {node} arrived out of order: level {node.Level} holds {_counts[node.Level]} nodes.");
        }
        var chunks = _levels[node.Level] ??= [];
        int offset = (int)(node.Index & (ChunkNodes - 1));
        if (offset == 0)
        {
            chunks.Add(new byte[ChunkNodes * MerkleHash.Size]);
        }
        hash.CopyTo(chunks[^1].AsSpan(offset * MerkleHash.Size));
        _counts[node.Level]++;
    }

    /// <inheritdoc />
    /// <exception cref="KeyNotFoundException">A node has not been stored.</exception>
    public void ReadNodes(ReadOnlySpan<NodeId> nodes, Span<byte> destination)
    {
        if (destination.Length < nodes.Length * MerkleHash.Size)
        {
            throw new ArgumentException("The destination is too short.", nameof(destination));
        }
        for (int i = 0; i < nodes.Length; i++)
        {
            Read(nodes[i]).CopyTo(destination.Slice(i * MerkleHash.Size, MerkleHash.Size));
        }
    }

    /// <summary>The stored hash of one node.</summary>
    /// <exception cref="KeyNotFoundException">The node has not been stored.</exception>
    public ReadOnlySpan<byte> Read(NodeId node)
    {
        if ((uint)node.Level >= 64 || node.Index < 0 || node.Index >= _counts[node.Level])
        {
            throw new KeyNotFoundException($"Node {node} is not stored.");
        }
        var chunk = _levels[node.Level][(int)(node.Index >> ChunkShift)];
        return chunk.AsSpan((int)(node.Index & (ChunkNodes - 1)) * MerkleHash.Size, MerkleHash.Size);
    }
}
