using System.Numerics;

namespace Steward.Ledger.Merkle;

/// <summary>Index arithmetic on the RFC 6962 tree shape.</summary>
internal static class TreeMath
{
    /// <summary>The largest power of two strictly smaller than <paramref name="n"/> (n ≥ 2): RFC 9162's split point k.</summary>
    public static long SplitPoint(long n) => 1L << (63 - BitOperations.LeadingZeroCount((ulong)(n - 1)));

    /// <summary>
    /// Appends the perfect subtrees that make up the leaves <c>[start, end)</c>, left to right.
    /// For the ranges the RFC tree is built from (a perfect subtree, or a right-edge range
    /// <c>[k, n)</c> with k aligned to a power of two at least n − k) they come out largest
    /// first, and the range's hash is their right fold: H(a, H(b, H(c, d))).
    /// </summary>
    public static void AddRangeNodes(long start, long end, List<NodeId> nodes)
    {
        while (start < end)
        {
            int alignment = start == 0 ? 63 : BitOperations.TrailingZeroCount(start);
            int fits = 63 - BitOperations.LeadingZeroCount((ulong)(end - start));
            int level = Math.Min(alignment, fits);
            nodes.Add(new NodeId(level, start >> level));
            start += 1L << level;
        }
    }

    /// <summary>Folds consecutive node hashes right to left into the hash of the range they make up.</summary>
    public static void FoldRight(ReadOnlySpan<byte> hashes, Span<byte> destination)
    {
        int count = hashes.Length / MerkleHash.Size;
        Span<byte> accumulator = stackalloc byte[MerkleHash.Size];
        hashes.Slice((count - 1) * MerkleHash.Size, MerkleHash.Size).CopyTo(accumulator);
        for (int i = count - 2; i >= 0; i--)
        {
            MerkleHash.HashChildren(hashes.Slice(i * MerkleHash.Size, MerkleHash.Size), accumulator, accumulator);
        }
        accumulator.CopyTo(destination);
    }
}
