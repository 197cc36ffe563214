using System.Text.Json;
using Steward.Ledger.Merkle;
using Steward.Ledger.Tests.Support;

namespace Steward.Ledger.Tests.Merkle;

/// <summary>
/// Every inclusion and consistency probe of transparency-dev/merkle's test data (Fixtures/merkle,
/// see its README): the happy paths must verify and every mutation must be rejected.
/// </summary>
public sealed class ProofProbeTests
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "Fixtures", "merkle");

    // The reference (Go) verifier accepts this probe: equal sizes, empty proof and two equal
    // 12-byte "roots", because it never looks at root length on that path. Ours requires every
    // hash to be a 32-byte SHA-256 value on every path, so a root that cannot be a tree head
    // never verifies. This is the one probe where we are deliberately stricter.
    private const string StricterThanReference = "consistency/additional/sizes-are-equal-one-and-proof-is-empty.json";

    public static TheoryData<string> InclusionProbes() => new(ProbeFiles("inclusion"));

    public static TheoryData<string> ConsistencyProbes() => new(ProbeFiles("consistency"));

    [Fact]
    public void the_fixture_set_is_complete_with_its_twelve_expected_successes()
    {
        var all = ProbeFiles("inclusion").Concat(ProbeFiles("consistency")).ToList();
        Assert.Equal(196, all.Count);
        Assert.Equal(12, all.Count(file => !Load(file).GetProperty("wantErr").GetBoolean()));
    }

    [Theory]
    [MemberData(nameof(InclusionProbes))]
    public void inclusion_probe_is_accepted_only_when_the_reference_expects_success(string file)
    {
        var probe = Load(file);
        bool accepted = MerkleVerifier.VerifyInclusion(
            Number(probe, "leafIdx"),
            Number(probe, "treeSize"),
            Bytes(probe, "leafHash"),
            Proof(probe),
            Bytes(probe, "root"));

        Assert.Equal(!probe.GetProperty("wantErr").GetBoolean(), accepted);
    }

    [Theory]
    [MemberData(nameof(ConsistencyProbes))]
    public void consistency_probe_is_accepted_only_when_the_reference_expects_success(string file)
    {
        var probe = Load(file);
        bool accepted = MerkleVerifier.VerifyConsistency(
            Number(probe, "size1"),
            Number(probe, "size2"),
            Bytes(probe, "root1"),
            Bytes(probe, "root2"),
            Proof(probe));

        bool expected = !probe.GetProperty("wantErr").GetBoolean() && file != StricterThanReference;
        Assert.Equal(expected, accepted);
    }

    [Theory]
    [InlineData("inclusion/0/happy-path.json")]
    [InlineData("inclusion/1/happy-path.json")]
    [InlineData("inclusion/2/happy-path.json")]
    [InlineData("inclusion/3/happy-path.json")]
    [InlineData("inclusion/4/happy-path.json")]
    public void our_inclusion_proofs_of_the_test_tree_are_byte_for_byte_the_reference_proofs(string file)
    {
        var probe = Load(file);
        long index = Number(probe, "leafIdx"), size = Number(probe, "treeSize");
        var tree = CtTestTree.Build();

        Assert.Equal(Proof(probe), MerkleTree.InclusionProof(tree, index, size));
        Assert.Equal(Bytes(probe, "root"), MerkleTree.RootHash(tree, size));
        Assert.Equal(Bytes(probe, "leafHash"), MerkleHash.HashLeaf(CtTestTree.LeafInputs[index]));
    }

    [Theory]
    [InlineData("consistency/0/happy-path.json")]
    [InlineData("consistency/1/happy-path.json")]
    [InlineData("consistency/2/happy-path.json")]
    [InlineData("consistency/3/happy-path.json")]
    [InlineData("consistency/4/happy-path.json")]
    public void our_consistency_proofs_of_the_test_tree_are_byte_for_byte_the_reference_proofs(string file)
    {
        var probe = Load(file);
        long first = Number(probe, "size1"), second = Number(probe, "size2");
        var tree = CtTestTree.Build();

        Assert.Equal(Proof(probe), MerkleTree.ConsistencyProof(tree, first, second));
        Assert.Equal(Bytes(probe, "root1"), MerkleTree.RootHash(tree, first));
        Assert.Equal(Bytes(probe, "root2"), MerkleTree.RootHash(tree, second));
    }

    [Fact]
    public void equal_sizes_with_equal_real_roots_and_an_empty_proof_are_consistent()
    {
        // The well-formed counterpart of the probe we reject for its 12-byte roots.
        var root = MerkleHash.HashLeaf("entry"u8);
        Assert.True(MerkleVerifier.VerifyConsistency(1, 1, root, root, []));
    }

    private static IEnumerable<string> ProbeFiles(string kind) =>
        Directory.EnumerateFiles(Path.Combine(Root, kind), "*.json", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Root, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    private static JsonElement Load(string file) =>
        JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Root, file))).RootElement;

    // Sizes are uint64 in the reference; the probes' 2^64 − 1 reads as −1 here, which our
    // signed API must reject just the same.
    private static long Number(JsonElement probe, string name) => unchecked((long)probe.GetProperty(name).GetUInt64());

    private static byte[] Bytes(JsonElement probe, string name) => Convert.FromBase64String(probe.GetProperty(name).GetString()!);

    private static byte[][] Proof(JsonElement probe)
    {
        var proof = probe.GetProperty("proof");
        return proof.ValueKind == JsonValueKind.Null
            ? []
            : [.. proof.EnumerateArray().Select(hash => Convert.FromBase64String(hash.GetString()!))];
    }
}
