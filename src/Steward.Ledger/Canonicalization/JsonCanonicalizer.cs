using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Steward.Ledger.Canonicalization;

/// <summary>
/// The RFC 8785 JSON Canonicalization Scheme (JCS): one exact byte sequence per JSON value, so
/// anyone can recompute a ledger entry's bytes, and from them its leaf hash, with any JCS
/// implementation. UTF-8; no whitespace; object members sorted by the UTF-16 code units of
/// their names; strings with only the escapes JSON requires; numbers as ECMAScript prints them.
/// Hand-written because neither .NET nor a maintained NuGet package writes RFC 8785, and the bytes must be exactly JCS's.
/// </summary>
/// <remarks>
/// Input must be I-JSON (RFC 7493), as JCS requires: no duplicate member names, no lone
/// surrogates, numbers within IEEE 754 double range. Anything else throws
/// <see cref="ArgumentException"/> rather than producing bytes another implementation would not.
/// Numbers are IEEE 754 doubles: integers beyond 2^53 lose precision, so carry such values
/// (and exact decimals) as strings.
/// </remarks>
public static class JsonCanonicalizer
{
    /// <summary>Returns the canonical UTF-8 bytes of <paramref name="element"/>.</summary>
    /// <exception cref="ArgumentException">The value is not I-JSON.</exception>
    public static byte[] Canonicalize(JsonElement element)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        Canonicalize(element, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes the canonical UTF-8 bytes of <paramref name="element"/> to <paramref name="output"/>.</summary>
    /// <exception cref="ArgumentException">The value is not I-JSON.</exception>
    public static void Canonicalize(JsonElement element, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        new CanonicalJsonWriter(output).Write(element);
    }

    /// <summary>Returns the canonical UTF-8 bytes of <paramref name="node"/> (null is the JSON literal null).</summary>
    /// <exception cref="ArgumentException">The value is not I-JSON, or holds NaN or an infinity.</exception>
    public static byte[] Canonicalize(JsonNode? node)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        Canonicalize(node, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes the canonical UTF-8 bytes of <paramref name="node"/> to <paramref name="output"/>.</summary>
    /// <exception cref="ArgumentException">The value is not I-JSON, or holds NaN or an infinity.</exception>
    public static void Canonicalize(JsonNode? node, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        new CanonicalJsonWriter(output).Write(node);
    }

    /// <summary>
    /// Writes the canonical form of the JSON string <paramref name="value"/>, quotes included:
    /// what canonicalizing <c>JsonValue.Create(value)</c> writes, without building the node.
    /// For writers of fixed-shape documents (a ledger entry) that lay out their members in
    /// canonical order themselves.
    /// </summary>
    /// <exception cref="ArgumentException">The value holds a lone surrogate (not I-JSON).</exception>
    public static void WriteString(string value, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(output);
        CanonicalJsonWriter.WriteString(output, value);
    }

    /// <summary>
    /// Parses JSON text and returns its canonical bytes. (This overload exists so that a string
    /// is read as JSON text, not turned into a JSON string value by <see cref="JsonNode"/>'s
    /// implicit conversion; for a string value, pass <c>JsonValue.Create(text)</c>.)
    /// </summary>
    /// <exception cref="JsonException">The text is not JSON.</exception>
    /// <exception cref="ArgumentException">The value is not I-JSON.</exception>
    public static byte[] Canonicalize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Canonicalize(System.Text.Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Parses UTF-8 JSON text and returns its canonical bytes.</summary>
    /// <exception cref="JsonException">The text is not JSON.</exception>
    /// <exception cref="ArgumentException">The value is not I-JSON.</exception>
    public static byte[] Canonicalize(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        using var document = JsonDocument.ParseValue(ref reader);
        if (reader.Read())
        {
            throw new JsonException("Unexpected content after the JSON value.");
        }
        return Canonicalize(document.RootElement);
    }
}
