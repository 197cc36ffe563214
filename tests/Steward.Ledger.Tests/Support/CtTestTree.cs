using Steward.Ledger.Merkle;

namespace Steward.Ledger.Tests.Support;

/// <summary>
/// The 8-leaf test tree used across Certificate Transparency implementations. Leaf inputs as
/// published in transparency-dev/merkle, testonly/constants.go (LeafInputs) at commit
/// 417fb0c314750d94e53942e9f92e79b6d35915db; the proof probes in Fixtures/merkle use it too.
/// </summary>
internal static class CtTestTree
{
    public static readonly byte[][] LeafInputs =
    [
        [], [0x00], [0x10], [0x20, 0x21], [0x30, 0x31], [0x40, 0x41, 0x42, 0x43],
        Convert.FromHexString("5051525354555657"), Convert.FromHexString("606162636465666768696a6b6c6d6e6f"),
    ];

    /// <summary>The whole tree in an in-memory node store.</summary>
    public static InMemoryNodeSource Build()
    {
        var nodes = new InMemoryNodeSource();
        var range = new CompactRange();
        foreach (var entry in LeafInputs)
        {
            range.AppendEntry(entry, nodes);
        }
        return nodes;
    }
}
