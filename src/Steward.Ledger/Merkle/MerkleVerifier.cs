namespace Steward.Ledger.Merkle;

/// <summary>
/// Verifies RFC 9162 inclusion and consistency proofs with the RFC's own algorithms
/// (§2.1.3.2 and §2.1.4.2). Needs nothing but the proof and the roots, so an auditor can run
/// it offline. Every hash must be exactly <see cref="MerkleHash.Size"/> bytes; anything
/// malformed is rejected, never an exception.
/// </summary>
public static class MerkleVerifier
{
    /// <summary>
    /// True when <paramref name="proof"/> shows that the leaf <paramref name="leafHash"/> is entry
    /// <paramref name="index"/> of the tree of <paramref name="treeSize"/> entries whose root is
    /// <paramref name="rootHash"/>.
    /// </summary>
    public static bool VerifyInclusion(
        long index, long treeSize, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> rootHash)
    {
        ArgumentNullException.ThrowIfNull(proof);
        // §2.1.3.2 step 1, plus the well-formedness every step below assumes.
        if (index < 0 || index >= treeSize || leafHash.Length != MerkleHash.Size
            || rootHash.Length != MerkleHash.Size || !AllHashes(proof))
        {
            return false;
        }

        long fn = index, sn = treeSize - 1;
        Span<byte> r = stackalloc byte[MerkleHash.Size];
        leafHash.CopyTo(r);
        foreach (var p in proof)
        {
            if (sn == 0)
            {
                return false; // more path than the tree is tall
            }
            if ((fn & 1) == 1 || fn == sn)
            {
                MerkleHash.HashChildren(p, r, r);
                // A left sibling on the right edge: skip the levels where this node had no sibling.
                if ((fn & 1) == 0)
                {
                    while ((fn & 1) == 0 && fn != 0)
                    {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            }
            else
            {
                MerkleHash.HashChildren(r, p, r);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && r.SequenceEqual(rootHash);
    }

    /// <summary>
    /// True when <paramref name="proof"/> shows that the tree of <paramref name="second"/> entries
    /// with root <paramref name="secondRoot"/> is an append-only extension of the tree of
    /// <paramref name="first"/> entries with root <paramref name="firstRoot"/>.
    /// </summary>
    /// <remarks>
    /// Equal sizes need an empty proof and equal roots. A proof from the empty tree
    /// (<paramref name="first"/> = 0) is rejected: it would prove nothing.
    /// </remarks>
    public static bool VerifyConsistency(
        long first, long second, ReadOnlySpan<byte> firstRoot, ReadOnlySpan<byte> secondRoot, IReadOnlyList<byte[]> proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (first <= 0 || first > second || firstRoot.Length != MerkleHash.Size
            || secondRoot.Length != MerkleHash.Size || !AllHashes(proof))
        {
            return false;
        }
        if (first == second)
        {
            return proof.Count == 0 && firstRoot.SequenceEqual(secondRoot);
        }
        // §2.1.4.2 step 1.
        if (proof.Count == 0)
        {
            return false;
        }

        // Step 2: when the first tree is a perfect subtree its root is the proof's implicit
        // first element; rather than copying the list, start from firstRoot instead.
        bool firstIsPerfect = (first & (first - 1)) == 0;
        int next = firstIsPerfect ? 0 : 1;
        ReadOnlySpan<byte> seed = firstIsPerfect ? firstRoot : proof[0];

        long fn = first - 1, sn = second - 1;
        // Step 4: skip the levels where the first tree's last node is a right child that the
        // proof does not need to mention.
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }

        Span<byte> fr = stackalloc byte[MerkleHash.Size];
        Span<byte> sr = stackalloc byte[MerkleHash.Size];
        seed.CopyTo(fr);
        seed.CopyTo(sr);
        for (int i = next; i < proof.Count; i++)
        {
            var c = proof[i];
            if (sn == 0)
            {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn)
            {
                MerkleHash.HashChildren(c, fr, fr);
                MerkleHash.HashChildren(c, sr, sr);
                if ((fn & 1) == 0)
                {
                    while ((fn & 1) == 0 && fn != 0)
                    {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            }
            else
            {
                MerkleHash.HashChildren(sr, c, sr);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && fr.SequenceEqual(firstRoot) && sr.SequenceEqual(secondRoot);
    }

    private static bool AllHashes(IReadOnlyList<byte[]> proof)
    {
        foreach (var hash in proof)
        {
            if (hash is null || hash.Length != MerkleHash.Size)
            {
                return false;
            }
        }
        return true;
    }
}
