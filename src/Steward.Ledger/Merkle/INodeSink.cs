namespace Steward.Ledger.Merkle;

/// <summary>
/// Receives each perfect subtree hash the moment an append completes it, so a store can write
/// every node exactly once. <see cref="CompactRange"/> calls it with the leaf first and then
/// each parent it completes, bottom-up.
/// </summary>
/// <remarks>
/// The hash span is only valid during the call; copy it. An exception thrown here propagates
/// out of the append call and leaves the <see cref="CompactRange"/> as it was before that call
/// (the whole batch), so a caller that persists in a transaction can roll back and retry from
/// the same state.
/// </remarks>
public interface INodeSink
{
    /// <summary>Records the hash of a perfect subtree that has just been completed.</summary>
    void Add(NodeId node, ReadOnlySpan<byte> hash);
}
