namespace Steward.Ledger.Merkle;

/// <summary>
/// Names a perfect (complete) subtree of the log: the one of height <see cref="Level"/> whose
/// leaves are <c>[Index · 2^Level, (Index + 1) · 2^Level)</c>. Level 0 nodes are the leaf hashes.
/// Once the log holds <see cref="End"/> entries the hash of such a node never changes, which is
/// why a store can write each one once, at append time, and proofs for any later tree size can
/// be built from them.
/// </summary>
/// <param name="Level">Height of the subtree: 0 for a leaf, at most 63.</param>
/// <param name="Index">Position of the subtree among those of its level, from 0.</param>
public readonly record struct NodeId(int Level, long Index)
{
    /// <summary>The first leaf the subtree covers.</summary>
    public long Start => Index << Level;

    /// <summary>The leaf just past the subtree: it exists once the log holds this many entries.</summary>
    public long End => (Index + 1) << Level;

    /// <summary>The number of leaves the subtree covers, <c>2^Level</c>.</summary>
    public long Width => 1L << Level;

    /// <inheritdoc />
    public override string ToString() => $"({Level}, {Index})";
}
