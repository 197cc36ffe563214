using Steward.Ledger.Merkle;
using Steward.Ledger.Signing;

namespace Steward.Audit.Heads;

/// <summary>
/// The check a witness makes on each head a log publishes (the Certificate Transparency
/// practice): the head is signed by the pinned key, and it extends the last head the witness
/// saw — the log never shrank, never forked, never rewrote what it had signed. Pure: the
/// caller fetches the head and the consistency proof and keeps the heads.
/// </summary>
public static class HeadWitness
{
    /// <summary>Checks <paramref name="next"/> against <paramref name="last"/>.</summary>
    /// <param name="last">The last head the witness accepted; null for the first.</param>
    /// <param name="next">The head just fetched.</param>
    /// <param name="proof">The consistency proof from <paramref name="last"/>'s size to <paramref name="next"/>'s (empty when either is empty or they are the same size).</param>
    /// <param name="trustedKey">The log key the witness pinned (DER SubjectPublicKeyInfo).</param>
    public static WitnessVerdict Check(SignedTreeHead? last, SignedTreeHead next, IReadOnlyList<byte[]> proof, byte[] trustedKey)
    {
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(proof);
        ArgumentNullException.ThrowIfNull(trustedKey);
        var n = next.Head;
        if (!next.IsSignedBy(trustedKey))
        {
            return WitnessVerdict.Inconsistent($"the head of size {n.TreeSize} ({n.TimestampText}) is not signed by the pinned key {TreeHeadVerifier.KeyIdOf(trustedKey)}");
        }

        if (last is null) return WitnessVerdict.Extends;
        var l = last.Head;
        if (n.TreeSize < l.TreeSize)
        {
            return WitnessVerdict.Inconsistent($"the log shrank: the head of {n.TimestampText} has {n.TreeSize} entries, the head of {l.TimestampText} had {l.TreeSize}");
        }

        if (n.TreeSize == l.TreeSize)
        {
            return n.RootHash.AsSpan().SequenceEqual(l.RootHash)
                ? WitnessVerdict.Unchanged
                : WitnessVerdict.Inconsistent($"two heads of size {n.TreeSize} differ: root {l.RootHashHex} ({l.TimestampText}) and {n.RootHashHex} ({n.TimestampText}); the log was rewritten");
        }

        if (l.TreeSize == 0) return WitnessVerdict.Extends;
        return MerkleVerifier.VerifyConsistency(l.TreeSize, n.TreeSize, l.RootHash, n.RootHash, proof)
            ? WitnessVerdict.Extends
            : WitnessVerdict.Inconsistent($"the head of size {n.TreeSize} ({n.TimestampText}) does not extend the head of size {l.TreeSize} ({l.TimestampText}): the first {l.TreeSize} entries were rewritten");
    }
}

/// <summary>What a witness concluded about a new head.</summary>
/// <param name="Consistent">False when the log contradicts a head it signed before.</param>
/// <param name="Grew">True when the head is new and should be kept.</param>
/// <param name="Problem">One readable line when inconsistent.</param>
public sealed record WitnessVerdict(bool Consistent, bool Grew, string? Problem)
{
    /// <summary>The head extends the last one.</summary>
    public static WitnessVerdict Extends { get; } = new(true, true, null);

    /// <summary>The same head again.</summary>
    public static WitnessVerdict Unchanged { get; } = new(true, false, null);

    /// <summary>The head contradicts the last one.</summary>
    public static WitnessVerdict Inconsistent(string problem) => new(false, false, problem);
}
