using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Steward.Ledger.Canonicalization;

namespace Steward.Audit;

/// <summary>
/// The digest an entry keeps of its operation's input: lowercase hex SHA-256 of the RFC 8785
/// canonical JSON of the payload object the service builds from the validated request (field
/// names in snake_case as MLflow's API spells them). The digest lets an auditor who holds a
/// request prove it is the one the entry records. The payload itself is kept beside the entry
/// (<see cref="IsKept"/>) so that records can be replayed from the ledger; its digest, inside the
/// Merkle leaf, proves it unchanged.
/// </summary>
public static class AuditPayload
{
    /// <summary>The digest of <paramref name="payload"/>'s canonical bytes.</summary>
    public static string Digest(JsonNode? payload) => Digest(Canonical(payload));

    /// <summary>The digest of canonical bytes.</summary>
    public static string Digest(ReadOnlySpan<byte> canonical) => Convert.ToHexStringLower(SHA256.HashData(canonical));

    /// <summary>The RFC 8785 canonical bytes of <paramref name="payload"/>.</summary>
    public static byte[] Canonical(JsonNode? payload)
    {
        var writer = new System.Buffers.ArrayBufferWriter<byte>(256);
        JsonCanonicalizer.Canonicalize(payload, writer);
        return writer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// True when the ledger keeps the payload itself beside the entry (the digest in the entry
    /// proves it unchanged), so that the state of records can be replayed from the ledger.
    /// Credentials and refusals are not kept: their payloads may name secrets' hashes.
    /// </summary>
    public static bool IsKept(string action) =>
        !action.StartsWith("user.", StringComparison.Ordinal)
        && !action.StartsWith("token.", StringComparison.Ordinal)
        && !action.StartsWith("auth.", StringComparison.Ordinal);

    /// <summary>
    /// A number as the payload carries it. JSON has no NaN or infinities, which metric values
    /// may be, so those become the strings <c>"NaN"</c>, <c>"Infinity"</c> and <c>"-Infinity"</c>.
    /// </summary>
    public static JsonNode Number(double value) =>
        double.IsFinite(value) ? JsonValue.Create(value) : JsonValue.Create(double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");

    /// <summary>
    /// An integer (time, step, version) as the payload carries it: a JSON number up to 2^53,
    /// the range where every JSON implementation reads it exactly, else its decimal digits as a
    /// string. Held as a double so that canonicalization writes it directly.
    /// </summary>
    public static JsonNode Integer(long value) =>
        Math.Abs(value) <= (1L << 53) ? JsonValue.Create((double)value) : JsonValue.Create(value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Key/value pairs (tags, params) as a list of <c>{"key", "value"}</c> objects, in the order given.</summary>
    public static JsonArray Pairs<T>(IEnumerable<T>? items, Func<T, string> key, Func<T, string> value)
    {
        var array = new JsonArray();
        foreach (var item in items ?? []) array.Add(new JsonObject { ["key"] = key(item), ["value"] = value(item) });
        return array;
    }
}
