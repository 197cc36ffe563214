using System.Security.Cryptography;
using Steward.Ledger.Merkle;
using Steward.Ledger.Tests.Support;

namespace Steward.Ledger.Tests.Merkle;

/// <summary>The 8-leaf test tree used across Certificate Transparency implementations.</summary>
public sealed class RfcTestTreeTests
{
    // Node hashes and roots of the CT test tree as published in transparency-dev/merkle,
    // testonly/constants.go (NodeHashes, RootHashes) at commit
    // 417fb0c314750d94e53942e9f92e79b6d35915db; the same vectors as Certificate Transparency's
    // merkle_tree_test. RootHashes()[0] there is EmptyRootHash(): SHA-256("").
    private static readonly byte[][] LeafInputs = CtTestTree.LeafInputs;

    private static readonly string[] RootHashes =
    [
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ];

    // NodeHashes() of the same file: every perfect subtree of the full tree, by level.
    private static readonly string[][] NodeHashes =
    [
        [
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
            "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
            "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
            "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1",
        ],
        [
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
        ],
        [
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
        ],
        ["5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"],
    ];

    [Fact]
    public void the_empty_tree_hash_is_sha256_of_the_empty_string()
    {
        Assert.Equal(SHA256.HashData([]), MerkleHash.EmptyRoot.ToArray());
        Assert.Equal(SHA256.HashData([]), new CompactRange().RootHash());
        Assert.Equal(SHA256.HashData([]), MerkleTree.RootHash(new InMemoryNodeSource(), 0));
    }

    [Fact]
    public void roots_of_the_test_tree_match_the_published_roots_at_every_size_from_0_to_8()
    {
        var range = new CompactRange();
        var nodes = new InMemoryNodeSource();
        for (int size = 0; size <= LeafInputs.Length; size++)
        {
            Assert.Equal(RootHashes[size], Convert.ToHexStringLower(range.RootHash()));
            if (size < LeafInputs.Length)
            {
                range.AppendEntry(LeafInputs[size], nodes);
            }
        }
        for (int size = 0; size <= LeafInputs.Length; size++)
        {
            Assert.Equal(RootHashes[size], Convert.ToHexStringLower(MerkleTree.RootHash(nodes, size)));
        }
    }

    [Fact]
    public void appending_the_test_tree_stores_exactly_the_published_perfect_subtrees()
    {
        var nodes = new InMemoryNodeSource();
        var range = new CompactRange();
        foreach (var entry in LeafInputs)
        {
            range.AppendEntry(entry, nodes);
        }
        for (int level = 0; level < NodeHashes.Length; level++)
        {
            Assert.Equal(NodeHashes[level].Length, nodes.CountAt(level));
            for (int index = 0; index < NodeHashes[level].Length; index++)
            {
                Assert.Equal(NodeHashes[level][index], Convert.ToHexStringLower(nodes.Read(new NodeId(level, index))));
            }
        }
        Assert.Equal(0, nodes.CountAt(NodeHashes.Length));
    }

    [Fact]
    public void leaf_and_node_hashes_use_the_rfc_domain_separation_prefixes()
    {
        Assert.Equal(SHA256.HashData([0x00, 0x10]), MerkleHash.HashLeaf([0x10]));
        var left = MerkleHash.HashLeaf([]);
        var right = MerkleHash.HashLeaf([0x00]);
        Assert.Equal(SHA256.HashData([0x01, .. left, .. right]), MerkleHash.HashChildren(left, right));
        // A leaf larger than the stack buffer takes the pooled path and must hash the same way.
        var big = new byte[4096];
        big.AsSpan().Fill(0x5a);
        Assert.Equal(SHA256.HashData([0x00, .. big]), MerkleHash.HashLeaf(big));
    }
}
