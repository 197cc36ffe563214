namespace Steward.Ledger.Merkle;

/// <summary>
/// Reads hashes of perfect subtrees that a store persisted at append time (see
/// <see cref="INodeSink"/>). Roots and proofs for any tree size need only these reads,
/// O(log n) of them, never a rebuild.
/// </summary>
/// <remarks>
/// The nodes asked for always lie inside the tree size being proven, so a store that holds
/// every node written while appending up to that size can answer. A node it does not hold is
/// a broken store, not an empty answer: throw (for example <see cref="KeyNotFoundException"/>)
/// rather than leave zeros in the destination, which would yield a proof that fails to verify
/// far from the cause.
/// </remarks>
public interface INodeSource
{
    /// <summary>
    /// Writes the hashes of <paramref name="nodes"/>, in order, <see cref="MerkleHash.Size"/>
    /// bytes each, into <paramref name="destination"/>.
    /// </summary>
    void ReadNodes(ReadOnlySpan<NodeId> nodes, Span<byte> destination);
}
