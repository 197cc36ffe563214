using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Steward.Ledger.Canonicalization;

namespace Steward.Audit;

/// <summary>
/// The digest an entry keeps of its operation's input: lowercase hex SHA-256 of the RFC 8785
/// canonical JSON of the payload object the service builds from the validated request (field
/// names in snake_case as MLflow's API spells them). The digest lets an auditor who holds a
/// request prove it is the one the entry records, without the ledger holding the data.
/// </summary>
public static class AuditPayload
{
    /// <summary>The digest of <paramref name="payload"/>'s canonical bytes.</summary>
    public static string Digest(JsonNode? payload)
    {
        var writer = new System.Buffers.ArrayBufferWriter<byte>(256);
        JsonCanonicalizer.Canonicalize(payload, writer);
        return Convert.ToHexStringLower(SHA256.HashData(writer.WrittenSpan));
    }

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
