using Steward.Ledger.Merkle;
using Steward.Ledger.Tests.Support;

namespace Steward.Ledger.Tests.Merkle;

/// <summary>
/// Proofs read from stored perfect subtrees, checked against the literal RFC recursion and
/// against our verifier, for every (index, size) and (first, second) up to 64 entries.
/// </summary>
public sealed class ProofRoundTripTests
{
    private const int MaxSize = 64;
    private static readonly TestLog Log = TestLog.WithEntries(MaxSize);

    [Fact]
    public void roots_read_from_stored_nodes_equal_the_rfc_recursion_at_every_size()
    {
        for (int size = 0; size <= MaxSize; size++)
        {
            Assert.Equal(NaiveMerkle.Root(Log.Leaves.Take(size).ToList()), MerkleTree.RootHash(Log.Nodes, size));
        }
    }

    [Fact]
    public void inclusion_proofs_from_stored_nodes_equal_the_rfc_recursion_for_every_index_and_size()
    {
        for (int size = 1; size <= MaxSize; size++)
        {
            for (int index = 0; index < size; index++)
            {
                Assert.Equal(NaiveMerkle.Path(Log.Leaves, index, size), MerkleTree.InclusionProof(Log.Nodes, index, size));
            }
        }
    }

    [Fact]
    public void consistency_proofs_from_stored_nodes_equal_the_rfc_recursion_for_every_pair_of_sizes()
    {
        for (int second = 1; second <= MaxSize; second++)
        {
            for (int first = 1; first <= second; first++)
            {
                Assert.Equal(NaiveMerkle.Proof(Log.Leaves, first, second), MerkleTree.ConsistencyProof(Log.Nodes, first, second));
            }
        }
    }

    [Fact]
    public void every_inclusion_proof_verifies_and_fails_after_a_bit_flip_anywhere()
    {
        for (int size = 1; size <= MaxSize; size++)
        {
            var root = MerkleTree.RootHash(Log.Nodes, size);
            for (int index = 0; index < size; index++)
            {
                var leaf = Log.Leaves[index];
                var proof = MerkleTree.InclusionProof(Log.Nodes, index, size);
                Assert.True(MerkleVerifier.VerifyInclusion(index, size, leaf, proof, root), $"({index}, {size})");

                foreach (var flipped in BitFlips(proof, exhaustive: size <= 16))
                {
                    Assert.False(MerkleVerifier.VerifyInclusion(index, size, leaf, flipped, root));
                }
                foreach (var badLeaf in BitFlips(leaf, exhaustive: size <= 16))
                {
                    Assert.False(MerkleVerifier.VerifyInclusion(index, size, badLeaf, proof, root));
                }
                foreach (var badRoot in BitFlips(root, exhaustive: size <= 16))
                {
                    Assert.False(MerkleVerifier.VerifyInclusion(index, size, leaf, proof, badRoot));
                }
            }
        }
    }

    [Fact]
    public void every_consistency_proof_verifies_and_fails_after_a_bit_flip_anywhere()
    {
        for (int second = 1; second <= MaxSize; second++)
        {
            var secondRoot = MerkleTree.RootHash(Log.Nodes, second);
            for (int first = 1; first <= second; first++)
            {
                var firstRoot = MerkleTree.RootHash(Log.Nodes, first);
                var proof = MerkleTree.ConsistencyProof(Log.Nodes, first, second);
                Assert.True(MerkleVerifier.VerifyConsistency(first, second, firstRoot, secondRoot, proof), $"({first}, {second})");

                bool exhaustive = second <= 16;
                foreach (var flipped in BitFlips(proof, exhaustive))
                {
                    Assert.False(MerkleVerifier.VerifyConsistency(first, second, firstRoot, secondRoot, flipped));
                }
                foreach (var bad in BitFlips(firstRoot, exhaustive))
                {
                    Assert.False(MerkleVerifier.VerifyConsistency(first, second, bad, secondRoot, proof));
                }
                foreach (var bad in BitFlips(secondRoot, exhaustive))
                {
                    Assert.False(MerkleVerifier.VerifyConsistency(first, second, firstRoot, bad, proof));
                }
            }
        }
    }

    [Fact]
    public void a_proof_for_one_position_does_not_verify_at_another()
    {
        // Not asserted: that a proof fails under a different tree size with the same roots. RFC
        // proofs do not bind the size on their own (index 0's path at size 3 also checks out as
        // size 4 against the size-3 root); the signed tree head binds size and root together.
        for (int size = 2; size < MaxSize; size++)
        {
            var root = MerkleTree.RootHash(Log.Nodes, size);
            var nextRoot = MerkleTree.RootHash(Log.Nodes, size + 1);
            for (int index = 0; index < size; index++)
            {
                var proof = MerkleTree.InclusionProof(Log.Nodes, index, size);
                var leaf = Log.Leaves[index];
                Assert.False(MerkleVerifier.VerifyInclusion((index + 1) % size, size, leaf, proof, root));
                Assert.False(MerkleVerifier.VerifyInclusion(index, size + 1, leaf, proof, nextRoot));
                Assert.False(MerkleVerifier.VerifyInclusion(index, size, leaf, proof[..^1], root));
                Assert.False(MerkleVerifier.VerifyInclusion(index, size, leaf, [.. proof, root], root));
            }
        }
        for (int second = 2; second <= MaxSize; second++)
        {
            for (int first = 1; first < second; first++)
            {
                var proof = MerkleTree.ConsistencyProof(Log.Nodes, first, second);
                var firstRoot = MerkleTree.RootHash(Log.Nodes, first);
                var secondRoot = MerkleTree.RootHash(Log.Nodes, second);
                var earlierRoot = MerkleTree.RootHash(Log.Nodes, second - 1);
                Assert.False(MerkleVerifier.VerifyConsistency(first, second, firstRoot, earlierRoot, proof));
                Assert.False(MerkleVerifier.VerifyConsistency(first, second, secondRoot, firstRoot, proof));
                Assert.False(MerkleVerifier.VerifyConsistency(first, second, firstRoot, secondRoot, proof[1..]));
            }
        }
    }

    [Fact]
    public void proofs_at_larger_sizes_equal_the_rfc_recursion_at_random_positions()
    {
        var log = TestLog.WithEntries(1500);
        var random = new Random(6962);
        for (int i = 0; i < 300; i++)
        {
            int size = random.Next(1, 1501);
            int index = random.Next(size);
            int first = random.Next(1, size + 1);
            Assert.Equal(NaiveMerkle.Path(log.Leaves, index, size), MerkleTree.InclusionProof(log.Nodes, index, size));
            Assert.Equal(NaiveMerkle.Proof(log.Leaves, first, size), MerkleTree.ConsistencyProof(log.Nodes, first, size));
        }
    }

    [Fact]
    public void proofs_outside_the_tree_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleTree.InclusionProof(Log.Nodes, 5, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleTree.InclusionProof(Log.Nodes, -1, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleTree.ConsistencyProof(Log.Nodes, 0, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleTree.ConsistencyProof(Log.Nodes, 6, 5));
        Assert.Throws<KeyNotFoundException>(() => MerkleTree.RootHash(Log.Nodes, MaxSize + 1));
    }

    /// <summary>Copies with one bit flipped: every bit, or one bit per byte (a different one each byte).</summary>
    private static IEnumerable<byte[][]> BitFlips(byte[][] proof, bool exhaustive)
    {
        for (int element = 0; element < proof.Length; element++)
        {
            foreach (var flipped in BitFlips(proof[element], exhaustive))
            {
                var copy = (byte[][])proof.Clone();
                copy[element] = flipped;
                yield return copy;
            }
        }
    }

    private static IEnumerable<byte[]> BitFlips(byte[] hash, bool exhaustive)
    {
        for (int bit = 0; bit < hash.Length * 8; bit++)
        {
            if (!exhaustive && bit % 8 != (bit / 8) % 8)
            {
                continue;
            }
            var copy = (byte[])hash.Clone();
            copy[bit / 8] ^= (byte)(1 << (bit % 8));
            yield return copy;
        }
    }
}
