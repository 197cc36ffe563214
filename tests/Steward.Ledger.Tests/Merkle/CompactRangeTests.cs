using Steward.Ledger.Merkle;
using Steward.Ledger.Tests.Support;

namespace Steward.Ledger.Tests.Merkle;

public sealed class CompactRangeTests
{
    private sealed class RecordingSink : INodeSink
    {
        public List<NodeId> Nodes { get; } = [];

        public void Add(NodeId node, ReadOnlySpan<byte> hash) => Nodes.Add(node);
    }

    private sealed class FailingSink(int failAt) : INodeSink
    {
        private int _calls;

        public void Add(NodeId node, ReadOnlySpan<byte> hash)
        {
            if (++_calls == failAt)
            {
                throw new InvalidOperationException("store unavailable");
            }
        }
    }

    [Fact]
    public void appends_report_every_perfect_subtree_once_leaf_first_then_parents_bottom_up()
    {
        var sink = new RecordingSink();
        var range = new CompactRange();
        for (int i = 0; i < 8; i++)
        {
            range.AppendEntry([(byte)i], sink);
        }

        NodeId[] expected =
        [
            new(0, 0), new(0, 1), new(1, 0), new(0, 2), new(0, 3), new(1, 1), new(2, 0),
            new(0, 4), new(0, 5), new(1, 2), new(0, 6), new(0, 7), new(1, 3), new(2, 1), new(3, 0),
        ];
        Assert.Equal(expected, sink.Nodes);
    }

    [Fact]
    public void a_batch_append_reports_the_same_nodes_and_root_as_single_appends()
    {
        var leaves = Enumerable.Range(0, 1000).Select(i => MerkleHash.HashLeaf(BitConverter.GetBytes(i))).ToArray();
        var one = new RecordingSink();
        var single = new CompactRange();
        foreach (var leaf in leaves)
        {
            single.Append(leaf, one);
        }
        var batch = new RecordingSink();
        var batched = new CompactRange();
        batched.AppendLeaves(leaves.SelectMany(leaf => leaf).ToArray(), batch);

        Assert.Equal(one.Nodes, batch.Nodes);
        Assert.Equal(single.RootHash(), batched.RootHash());
        Assert.Equal(1000, batched.Size);
        Assert.Equal(2 * 1000 - 6, batch.Nodes.Count); // 2n − popcount(n) perfect subtrees
    }

    [Fact]
    public void a_range_restored_from_its_edge_nodes_continues_exactly_like_the_original()
    {
        var log = TestLog.WithEntries(77);
        var edge = CompactRange.EdgeNodes(77);
        var hashes = new byte[edge.Count * MerkleHash.Size];
        log.Nodes.ReadNodes(edge.ToArray(), hashes);
        var restored = CompactRange.Restore(77, hashes);
        Assert.Equal(log.Range.RootHash(), restored.RootHash());

        var more = "entry 77"u8.ToArray();
        log.Append(more);
        restored.AppendEntry(more);
        Assert.Equal(log.Range.RootHash(), restored.RootHash());
        Assert.Throws<ArgumentException>(() => CompactRange.Restore(77, hashes.AsSpan(1)));
    }

    [Fact]
    public void a_failing_sink_leaves_the_range_as_it_was_before_the_call()
    {
        var range = TestLog.WithEntries(5).Range;
        var before = range.RootHash();
        var leaves = new byte[3 * MerkleHash.Size];
        Assert.Throws<InvalidOperationException>(() => range.AppendLeaves(leaves, new FailingSink(failAt: 4)));
        Assert.Equal(5, range.Size);
        Assert.Equal(before, range.RootHash());
    }

    [Fact]
    public void the_root_of_the_range_equals_the_rfc_recursion_at_every_size()
    {
        var log = new TestLog();
        for (int i = 0; i < 300; i++)
        {
            Assert.Equal(NaiveMerkle.Root(log.Leaves), log.Range.RootHash());
            log.Append(BitConverter.GetBytes(i));
        }
    }

    [Fact]
    public void the_node_store_refuses_nodes_out_of_append_order()
    {
        var nodes = new InMemoryNodeSource();
        nodes.Add(new NodeId(0, 0), new byte[32]);
        Assert.Throws<InvalidOperationException>(() => nodes.Add(new NodeId(0, 2), new byte[32]));
        Assert.Throws<ArgumentException>(() => nodes.Add(new NodeId(0, 1), new byte[31]));
    }
}
