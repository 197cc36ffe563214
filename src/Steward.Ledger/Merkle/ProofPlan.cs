namespace Steward.Ledger.Merkle;

/// <summary>
/// Which stored perfect subtrees a root or a proof needs, and how to combine them. Every
/// element of an RFC 9162 audit path or consistency proof is the hash of a subtree of the RFC
/// tree; most are perfect subtrees (one stored node), and at most one per proof lies on the
/// right edge of the tree and is folded from the O(log n) perfect subtrees it is made of.
/// </summary>
/// <remarks>
/// Lets a store fetch everything a proof needs in one batched read, including asynchronously:
/// <code>
/// var plan = ProofPlan.ForInclusion(index, treeSize);
/// byte[] hashes = await store.ReadNodesAsync(plan.Nodes, ct); // 32 bytes per node, in order
/// byte[][] path = plan.Assemble(hashes);
/// </code>
/// <see cref="MerkleTree"/> does the same synchronously over an <see cref="INodeSource"/>.
/// </remarks>
public sealed class ProofPlan
{
    private readonly NodeId[] _nodes;
    private readonly int[] _widths;

    private ProofPlan(List<NodeId> nodes, List<int> widths)
    {
        _nodes = [.. nodes];
        _widths = [.. widths];
    }

    /// <summary>The perfect subtrees to read, in the order <see cref="Assemble(ReadOnlySpan{byte})"/> expects their hashes.</summary>
    public IReadOnlyList<NodeId> Nodes => _nodes;

    /// <summary>The number of hashes <see cref="Assemble(ReadOnlySpan{byte})"/> returns.</summary>
    public int Count => _widths.Length;

    internal ReadOnlySpan<NodeId> NodeSpan => _nodes;

    /// <summary>The plan for the root hash (MTH) of the tree of <paramref name="treeSize"/> entries: one hash.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="treeSize"/> is negative.</exception>
    public static ProofPlan ForRoot(long treeSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(treeSize);
        var nodes = new List<NodeId>(64);
        TreeMath.AddRangeNodes(0, treeSize, nodes);
        return new ProofPlan(nodes, [nodes.Count]);
    }

    /// <summary>
    /// The plan for the audit path of entry <paramref name="index"/> in the tree of
    /// <paramref name="treeSize"/> entries (RFC 9162 §2.1.3.1 PATH), nearest sibling first.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Unless 0 ≤ index &lt; treeSize.</exception>
    public static ProofPlan ForInclusion(long index, long treeSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, treeSize);

        // Walk down from the root collecting the sibling of each subtree on the way to the leaf;
        // the path lists them leaf-first, so the ranges are reversed at the end.
        var ranges = new List<(long Start, long End)>(64);
        long start = 0, end = treeSize;
        while (end - start > 1)
        {
            long split = start + TreeMath.SplitPoint(end - start);
            if (index < split)
            {
                ranges.Add((split, end));
                end = split;
            }
            else
            {
                ranges.Add((start, split));
                start = split;
            }
        }
        return FromRanges(ranges);
    }

    /// <summary>
    /// The plan for the consistency proof between the trees of <paramref name="first"/> and
    /// <paramref name="second"/> entries (RFC 9162 §2.1.4.1 PROOF). Equal sizes give an empty proof.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Unless 0 &lt; first ≤ second: a proof from the empty tree is meaningless.</exception>
    public static ProofPlan ForConsistency(long first, long second)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(first);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(first, second);

        // SUBPROOF(m, D[start:end], b) unrolled: each step emits one sibling range; the recursion
        // ends where m reaches the subtree's right edge, emitting that subtree unless it is the
        // whole first tree (b still true). The proof lists the deepest node first.
        var ranges = new List<(long Start, long End)>(64);
        long start = 0, end = second;
        bool wholeFirstTree = true;
        while (first != end)
        {
            long split = start + TreeMath.SplitPoint(end - start);
            if (first <= split)
            {
                ranges.Add((split, end));
                end = split;
            }
            else
            {
                ranges.Add((start, split));
                start = split;
                wholeFirstTree = false;
            }
        }
        if (!wholeFirstTree)
        {
            ranges.Add((start, end));
        }
        return FromRanges(ranges);
    }

    /// <summary>
    /// Combines the hashes of <see cref="Nodes"/> (concatenated, <see cref="MerkleHash.Size"/>
    /// bytes each, in order) into the <see cref="Count"/> hashes of the root or proof.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="nodeHashes"/> is not 32 bytes per node.</exception>
    public byte[][] Assemble(ReadOnlySpan<byte> nodeHashes)
    {
        if (nodeHashes.Length != _nodes.Length * MerkleHash.Size)
        {
            throw new ArgumentException(
                $"Expected {_nodes.Length} hashes of {MerkleHash.Size} bytes, got {nodeHashes.Length} bytes.",
                nameof(nodeHashes));
        }

        var result = new byte[_widths.Length][];
        int offset = 0;
        for (int i = 0; i < _widths.Length; i++)
        {
            int width = _widths[i];
            var hash = new byte[MerkleHash.Size];
            if (width == 0)
            {
                // Only the root of the empty tree is made of no nodes.
                MerkleHash.EmptyRoot.CopyTo(hash);
            }
            else
            {
                TreeMath.FoldRight(nodeHashes.Slice(offset * MerkleHash.Size, width * MerkleHash.Size), hash);
            }
            result[i] = hash;
            offset += width;
        }
        return result;
    }

    private static ProofPlan FromRanges(List<(long Start, long End)> topDown)
    {
        var nodes = new List<NodeId>(2 * topDown.Count);
        var widths = new List<int>(topDown.Count);
        for (int i = topDown.Count - 1; i >= 0; i--)
        {
            int before = nodes.Count;
            TreeMath.AddRangeNodes(topDown[i].Start, topDown[i].End, nodes);
            widths.Add(nodes.Count - before);
        }
        return new ProofPlan(nodes, widths);
    }
}
