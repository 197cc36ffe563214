namespace Steward.Audit;

/// <summary>
/// What an audit bundle exports: the heads issued so far and the committed tree size, read in
/// that order, so that a head beyond the size can only mean the log's tail was cut.
/// </summary>
/// <param name="Heads">Every stored head, by tree size then time.</param>
/// <param name="TreeSize">The committed size when the heads had been read.</param>
public sealed record LedgerSnapshot(IReadOnlyList<SignedTreeHead> Heads, long TreeSize)
{
    /// <summary>Reads the heads, then the state.</summary>
    public static async Task<LedgerSnapshot> ReadAsync(ILedgerStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var heads = await store.ListHeadsAsync(cancellationToken);
        var state = await store.GetStateAsync(cancellationToken);
        return new LedgerSnapshot(heads, state.TreeSize);
    }

    /// <summary>The newest head by <paramref name="publicKey"/> that covers every entry of the snapshot, or null when none does.</summary>
    public SignedTreeHead? CoveringHead(byte[] publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        return Heads.LastOrDefault(h => h.Head.TreeSize >= TreeSize && h.PublicKey.AsSpan().SequenceEqual(publicKey));
    }

    /// <summary>The snapshot with <paramref name="head"/> (signed for it) among its heads, in their order.</summary>
    public LedgerSnapshot With(SignedTreeHead head)
    {
        ArgumentNullException.ThrowIfNull(head);
        return this with { Heads = [.. Heads.Where(h => h.Head.TreeSize <= head.Head.TreeSize), head, .. Heads.Where(h => h.Head.TreeSize > head.Head.TreeSize)] };
    }
}
