using System.Buffers;
using System.Globalization;
using Steward.Ledger.Canonicalization;

namespace Steward.Ledger.Entries;

/// <summary>
/// The one writer of a ledger entry's bytes: the RFC 8785 canonical JSON of its seven members,
/// <code>{"action":…,"actor":…,"index":7,"outcome":…,"payloadDigest":…,"resource":…,"timestamp":"2026-01-02T03:04:05.678Z"}</code>
/// Members are written in canonical order (names sorted) and strings by the canonicalizer,
/// without building a JSON tree: verification rebuilds the bytes of every entry in the log, and
/// a tree per entry cost several times the hashing. Tests prove the bytes equal
/// <see cref="JsonCanonicalizer"/>'s output for the same object on random fields.
/// </summary>
/// <remarks>
/// The index and the timestamp split the object into pieces: <see cref="WriteHead"/>, the index,
/// <see cref="WriteMiddle"/>, the timestamp text, <see cref="End"/>. PostgreSQL appends from the
/// two string pieces and splices in the index and time it assigns under the ledger lock
/// (<c>ledger_append</c>, migration 0007), so every piece exists once, here.
/// </remarks>
public static class EntryEncoding
{
    /// <summary>The format of the timestamp inside the entry (UTC, milliseconds), as .NET writes it.</summary>
    public const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <summary>What follows the timestamp text: its closing quote and the object's closing brace.</summary>
    public static ReadOnlySpan<byte> End => "\"}"u8;

    /// <summary>The entry's canonical bytes.</summary>
    /// <exception cref="ArgumentException">A string holds a lone surrogate (not I-JSON).</exception>
    public static byte[] Encode(long index, DateTimeOffset timestamp, string actor, string action, string resource, string payloadDigest, string outcome)
    {
        var buffer = new ArrayBufferWriter<byte>(320);
        WriteHead(buffer, action, actor);
        WriteIndex(buffer, index);
        WriteMiddle(buffer, outcome, payloadDigest, resource);
        WriteTimestamp(buffer, timestamp);
        buffer.Write(End);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes everything before the index: <c>{"action":…,"actor":…,"index":</c>.</summary>
    public static void WriteHead(IBufferWriter<byte> output, string action, string actor)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write("{\"action\":"u8);
        JsonCanonicalizer.WriteString(action, output);
        output.Write(",\"actor\":"u8);
        JsonCanonicalizer.WriteString(actor, output);
        output.Write(",\"index\":"u8);
    }

    /// <summary>
    /// Writes the index as ECMAScript prints it, which for an integer below 2^53
    /// (<c>TreeHead.MaxTreeSize</c>) is its decimal digits.
    /// </summary>
    public static void WriteIndex(IBufferWriter<byte> output, long index)
    {
        ArgumentNullException.ThrowIfNull(output);
        index.TryFormat(output.GetSpan(20), out var written, provider: CultureInfo.InvariantCulture);
        output.Advance(written);
    }

    /// <summary>
    /// Writes everything between the index and the timestamp text:
    /// <c>,"outcome":…,"payloadDigest":…,"resource":…,"timestamp":"</c>.
    /// </summary>
    public static void WriteMiddle(IBufferWriter<byte> output, string outcome, string payloadDigest, string resource)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write(",\"outcome\":"u8);
        JsonCanonicalizer.WriteString(outcome, output);
        output.Write(",\"payloadDigest\":"u8);
        JsonCanonicalizer.WriteString(payloadDigest, output);
        output.Write(",\"resource\":"u8);
        JsonCanonicalizer.WriteString(resource, output);
        output.Write(",\"timestamp\":\""u8);
    }

    /// <summary>
    /// Writes the timestamp text (<see cref="TimestampFormat"/>, no quotes), truncated to the
    /// millisecond. Only digits and ASCII punctuation, so the canonicalizer would escape nothing.
    /// </summary>
    public static void WriteTimestamp(IBufferWriter<byte> output, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(output);
        timestamp.UtcDateTime.TryFormat(output.GetSpan(32), out var written, TimestampFormat, CultureInfo.InvariantCulture);
        output.Advance(written);
    }

    /// <summary>Formats a time as entries carry it, e.g. <c>2026-01-02T03:04:05.678Z</c>.</summary>
    public static string FormatTimestamp(DateTimeOffset timestamp) =>
        timestamp.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);
}
