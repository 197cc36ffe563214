using System.Globalization;
using System.Text.Json.Nodes;
using Steward.Ledger.Canonicalization;
using Steward.Ledger.Merkle;

namespace Steward.Ledger.Signing;

/// <summary>
/// A statement of the log's state: its first <see cref="TreeSize"/> entries have root hash
/// <see cref="RootHash"/>, as of <see cref="Timestamp"/>. Signed, it commits the log to that
/// history; consistency proofs then show every later head extends it.
/// </summary>
/// <remarks>
/// <para>The bytes that are signed (<see cref="ToSigningBytes"/>) are the RFC 8785 canonical
/// JSON of exactly three members, so an auditor can rebuild them from the published head:</para>
/// <code>{"rootHash":"&lt;64 lowercase hex digits&gt;","timestamp":"2026-01-02T03:04:05.678Z","treeSize":42}</code>
/// <para>The timestamp is UTC with exactly three fractional digits; it is truncated to whole
/// milliseconds on construction so that what is signed is what the head holds. The tree size
/// is at most 2^53 − 1, the largest integer a JSON number carries exactly.</para>
/// </remarks>
public sealed record TreeHead
{
    /// <summary>The largest tree size a canonical JSON number can carry exactly.</summary>
    public const long MaxTreeSize = (1L << 53) - 1;

    /// <summary>Creates a tree head, validating and normalizing its fields.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The size is negative or above <see cref="MaxTreeSize"/>.</exception>
    /// <exception cref="ArgumentException">The root hash is not <see cref="MerkleHash.Size"/> bytes.</exception>
    public TreeHead(long treeSize, byte[] rootHash, DateTimeOffset timestamp)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(treeSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(treeSize, MaxTreeSize);
        ArgumentNullException.ThrowIfNull(rootHash);
        if (rootHash.Length != MerkleHash.Size)
        {
            throw new ArgumentException($"A root hash is {MerkleHash.Size} bytes.", nameof(rootHash));
        }
        TreeSize = treeSize;
        RootHash = (byte[])rootHash.Clone();
        var utc = timestamp.ToUniversalTime();
        Timestamp = utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerMillisecond));
    }

    /// <summary>The number of entries covered.</summary>
    public long TreeSize { get; }

    /// <summary>The RFC 9162 root hash of those entries (a private copy; do not modify).</summary>
    public byte[] RootHash { get; }

    /// <summary>When the head was made, in UTC, to the millisecond.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>The root hash as lowercase hex, as the API and the signed bytes carry it.</summary>
    public string RootHashHex => Convert.ToHexStringLower(RootHash);

    /// <summary>The timestamp as the signed bytes carry it: ISO 8601, UTC, milliseconds, e.g. <c>2026-01-02T03:04:05.678Z</c>.</summary>
    public string TimestampText => Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The canonical bytes a signature covers (see the remarks on <see cref="TreeHead"/>).</summary>
    public byte[] ToSigningBytes() => JsonCanonicalizer.Canonicalize(new JsonObject
    {
        ["rootHash"] = RootHashHex,
        ["timestamp"] = TimestampText,
        ["treeSize"] = TreeSize,
    });

    /// <summary>Heads are equal when size, root hash and timestamp are.</summary>
    public bool Equals(TreeHead? other) =>
        other is not null && TreeSize == other.TreeSize && Timestamp == other.Timestamp
        && RootHash.AsSpan().SequenceEqual(other.RootHash);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(TreeSize, Timestamp, BitConverter.ToInt64(RootHash));

    /// <inheritdoc />
    public override string ToString() => $"TreeHead {{ TreeSize = {TreeSize}, RootHash = {RootHashHex}, Timestamp = {TimestampText} }}";
}
