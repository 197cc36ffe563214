using Steward.Ledger.Merkle;

namespace Steward.Ledger.Tests.Support;

/// <summary>Logs built with the library, kept with their leaf hashes for the naive reference.</summary>
internal sealed class TestLog
{
    public InMemoryNodeSource Nodes { get; } = new();
    public CompactRange Range { get; } = new();
    public List<byte[]> Leaves { get; } = [];

    /// <summary>A log of <paramref name="size"/> distinct entries: entry i is the text "entry i".</summary>
    public static TestLog WithEntries(int size)
    {
        var log = new TestLog();
        for (int i = 0; i < size; i++)
        {
            log.Append(System.Text.Encoding.UTF8.GetBytes($"entry {i}"));
        }
        return log;
    }

    public void Append(byte[] entry)
    {
        var leaf = NaiveMerkle.LeafHash(entry);
        Leaves.Add(leaf);
        Range.Append(leaf, Nodes);
    }
}
