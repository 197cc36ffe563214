namespace Steward.Ledger.Merkle;

/// <summary>
/// Roots and proofs for any tree size read from stored perfect subtrees: each costs one batched
/// read of O(log n) nodes from an <see cref="INodeSource"/> and O(log n) hashing, never a rebuild.
/// Proofs are exactly RFC 9162's (§2.1.3.1 audit paths, §2.1.4.1 consistency proofs), so any
/// independent RFC 6962/9162 verifier accepts them.
/// </summary>
public static class MerkleTree
{
    /// <summary>The root hash (MTH) of the first <paramref name="treeSize"/> entries.</summary>
    public static byte[] RootHash(INodeSource source, long treeSize) =>
        Build(source, ProofPlan.ForRoot(treeSize))[0];

    /// <summary>The audit path proving entry <paramref name="index"/> is in the tree of <paramref name="treeSize"/> entries.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Unless 0 ≤ index &lt; treeSize.</exception>
    public static byte[][] InclusionProof(INodeSource source, long index, long treeSize) =>
        Build(source, ProofPlan.ForInclusion(index, treeSize));

    /// <summary>The proof that the tree of <paramref name="second"/> entries extends the tree of <paramref name="first"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Unless 0 &lt; first ≤ second.</exception>
    public static byte[][] ConsistencyProof(INodeSource source, long first, long second) =>
        Build(source, ProofPlan.ForConsistency(first, second));

    private static byte[][] Build(INodeSource source, ProofPlan plan)
    {
        ArgumentNullException.ThrowIfNull(source);
        // A plan has at most ~2·63 nodes, so their hashes fit on the stack.
        Span<byte> hashes = stackalloc byte[plan.NodeSpan.Length * MerkleHash.Size];
        source.ReadNodes(plan.NodeSpan, hashes);
        return plan.Assemble(hashes);
    }
}
