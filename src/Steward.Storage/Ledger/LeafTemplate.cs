using System.Buffers;
using System.Globalization;
using Steward.Audit;
using Steward.Ledger.Canonicalization;

namespace Steward.Storage.Ledger;

/// <summary>
/// An entry's canonical bytes (<see cref="AuditEntry.ToLeafBytes"/>) around the two values only
/// the append assigns, its index and its timestamp: the bytes are
/// <c>BeforeIndex ‖ index ‖ BeforeTimestamp ‖ timestamp ‖ "}</c>. Members are sorted by name
/// (action, actor, index, outcome, payloadDigest, resource, timestamp), so the index and the
/// timestamp split the object in three fixed pieces; each string is written by the
/// canonicalizer itself, as <see cref="AuditEntry.ToLeafBytes"/> writes them. Lets PostgreSQL
/// finish the bytes under the ledger lock (ledger_append); <see cref="Complete"/> is what it does.
/// </summary>
internal sealed record LeafTemplate(byte[] BeforeIndex, byte[] BeforeTimestamp)
{
    private static ReadOnlySpan<byte> End => "\"}"u8;

    public static LeafTemplate For(NewAuditEntry entry)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        buffer.Write("{\"action\":"u8);
        JsonCanonicalizer.WriteString(entry.Action, buffer);
        buffer.Write(",\"actor\":"u8);
        JsonCanonicalizer.WriteString(entry.Actor, buffer);
        buffer.Write(",\"index\":"u8);
        var beforeIndex = buffer.WrittenSpan.ToArray();
        buffer.ResetWrittenCount();
        buffer.Write(",\"outcome\":"u8);
        JsonCanonicalizer.WriteString(entry.Outcome, buffer);
        buffer.Write(",\"payloadDigest\":"u8);
        JsonCanonicalizer.WriteString(entry.PayloadDigest, buffer);
        buffer.Write(",\"resource\":"u8);
        JsonCanonicalizer.WriteString(entry.Resource, buffer);
        buffer.Write(",\"timestamp\":\""u8);
        return new LeafTemplate(beforeIndex, buffer.WrittenSpan.ToArray());
    }

    /// <summary>The entry's canonical bytes at <paramref name="index"/> and <paramref name="timestamp"/> (whole milliseconds).</summary>
    public byte[] Complete(long index, DateTimeOffset timestamp)
    {
        // An index below 2^53 (TreeHead.MaxTreeSize) is written by ECMAScript as its decimal digits.
        Span<byte> digits = stackalloc byte[20];
        index.TryFormat(digits, out var digitCount, provider: CultureInfo.InvariantCulture);
        Span<byte> time = stackalloc byte[32];
        timestamp.UtcDateTime.TryFormat(time, out var timeCount, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

        var bytes = new byte[BeforeIndex.Length + digitCount + BeforeTimestamp.Length + timeCount + End.Length];
        var span = bytes.AsSpan();
        BeforeIndex.CopyTo(span);
        span = span[BeforeIndex.Length..];
        digits[..digitCount].CopyTo(span);
        span = span[digitCount..];
        BeforeTimestamp.CopyTo(span);
        span = span[BeforeTimestamp.Length..];
        time[..timeCount].CopyTo(span);
        End.CopyTo(span[timeCount..]);
        return bytes;
    }
}
