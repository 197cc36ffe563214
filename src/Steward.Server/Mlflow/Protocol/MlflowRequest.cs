using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Steward.Errors;

namespace Steward.Server.Mlflow.Protocol;

/// <summary>
/// The fields of one MLflow request, read the way MLflow's protobuf JSON parser reads them:
/// from a JSON object (POST, PATCH, DELETE) or from the query string (GET). Every reader
/// returns null for an absent or JSON-null field and throws INVALID_PARAMETER_VALUE naming the
/// field when the value has the wrong type, so handlers never see malformed input.
/// </summary>
internal sealed partial class MlflowRequest : IDisposable
{
    private readonly JsonDocument? _document;
    private readonly JsonElement _root;
    private readonly Dictionary<string, List<string>>? _query;
    private byte[]? _buffer;

    private MlflowRequest(JsonDocument? document, JsonElement root, Dictionary<string, List<string>>? query, byte[]? buffer = null)
    {
        _document = document;
        _root = root;
        _query = query;
        _buffer = buffer;
    }

    /// <summary>A request without fields: an empty body or query string.</summary>
    public static MlflowRequest Empty() => new(null, default, new Dictionary<string, List<string>>());

    /// <summary>
    /// Reads a parsed body whose root is a JSON object. Takes ownership of the document and of
    /// the pooled buffer it was parsed from, if any: the document reads that buffer until disposed.
    /// </summary>
    public static MlflowRequest FromJson(JsonDocument document, byte[]? pooledBuffer) => new(document, document.RootElement, null, pooledBuffer);

    internal bool Owns(byte[] buffer) => ReferenceEquals(_buffer, buffer);

    /// <summary>
    /// Reads a query string. Repeated keys make a list; <c>k[]</c> and <c>k[0]</c> are the same
    /// field as <c>k</c>, as MLflow's query-string parser treats them.
    /// </summary>
    public static MlflowRequest FromQuery(IQueryCollection query)
    {
        var fields = new Dictionary<string, List<string>>(query.Count, StringComparer.Ordinal);
        foreach (var (rawKey, values) in query)
        {
            var key = rawKey;
            var bracket = key.IndexOf('[', StringComparison.Ordinal);
            if (bracket > 0 && key.EndsWith(']')) key = key[..bracket];
            if (!fields.TryGetValue(key, out var list)) fields[key] = list = [];
            foreach (var value in values)
            {
                if (value is null) continue;
                Validation.NoNul(value, key);
                list.Add(value);
            }
        }

        return new MlflowRequest(null, default, fields);
    }

    public void Dispose()
    {
        _document?.Dispose();
        if (_buffer is not null) ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = null;
    }

    public string? String(string name)
    {
        if (_query is not null) return First(name);
        return TryGet(name, out var value) ? ReadString(value, name) : null;
    }

    /// <summary>The run a request is about: <c>run_id</c>, or <c>run_uuid</c> that older clients send.</summary>
    public string? RunId()
    {
        var runId = String("run_id");
        return string.IsNullOrEmpty(runId) ? String("run_uuid") ?? runId : runId;
    }

    public long? Int64(string name)
    {
        if (_query is not null) return First(name) is { } text ? ParseInt64(text, name) : null;
        return TryGet(name, out var value) ? ReadInt64(value, name) : null;
    }

    public int? Int32(string name)
    {
        var value = Int64(name);
        if (value is null) return null;
        if (value < int.MinValue || value > int.MaxValue) throw TypeMismatch(value.Value.ToString(CultureInfo.InvariantCulture), "int", name);
        return (int)value.Value;
    }

    public double? Double(string name)
    {
        if (_query is not null) return First(name) is { } text ? ParseDouble(text, name) : null;
        return TryGet(name, out var value) ? ReadDouble(value, name) : null;
    }

    public bool? Bool(string name)
    {
        if (_query is not null)
        {
            var text = First(name);
            if (text is null) return null;
            if (bool.TryParse(text, out var parsed)) return parsed;
            throw TypeMismatch(text, "str", name);
        }

        if (!TryGet(name, out var value)) return null;
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(value.GetString(), out var parsed) => parsed,
            _ => throw TypeMismatch(value, name),
        };
    }

    /// <summary>A repeated string field; a single value counts as a one-element list.</summary>
    public IReadOnlyList<string>? Strings(string name)
    {
        if (_query is not null) return _query.TryGetValue(name, out var values) && values.Count > 0 ? values : null;
        if (!TryGet(name, out var value)) return null;
        if (value.ValueKind == JsonValueKind.String) return [ReadString(value, name)];
        if (value.ValueKind != JsonValueKind.Array) throw TypeMismatch(value, name);
        var list = new List<string>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            list.Add(ReadString(item, name));
        }

        return list;
    }

    /// <summary>
    /// Parses an enum given by name (<c>"ACTIVE_ONLY"</c>) or by proto number (<c>1</c>), as
    /// protobuf JSON allows both.
    /// </summary>
    public T? Enum<T>(string name, ProtoEnum<T> values) where T : struct, System.Enum
    {
        if (_query is not null)
        {
            var text = First(name);
            if (string.IsNullOrEmpty(text)) return null;
            return values.Parse(text, name);
        }

        if (!TryGet(name, out var value)) return null;
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() is { Length: > 0 } text ? values.Parse(text, name) : null,
            JsonValueKind.Number when value.TryGetInt32(out var number) => values.Parse(number, name),
            _ => throw TypeMismatch(value, name),
        };
    }

    private string? First(string name) => _query!.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    private bool TryGet(string name, out JsonElement value)
    {
        if (_root.ValueKind == JsonValueKind.Object && _root.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        value = default;
        return false;
    }

    internal static string ReadString(JsonElement value, string field)
    {
        if (value.ValueKind != JsonValueKind.String) throw TypeMismatch(value, field);
        try
        {
            var text = value.GetString()!;
            Validation.NoNul(text, field);
            return text;
        }
        catch (InvalidOperationException)
        {
            // Valid JSON can still escape text that is not Unicode ("\ud800" alone).
            throw StewardException.Invalid($"Invalid value for parameter '{field}': the text is not valid Unicode (it contains a lone UTF-16 surrogate).");
        }
    }

    internal static long ReadInt64(JsonElement value, string field) =>
        TryReadInt64(value, out var number) ? number : throw TypeMismatch(value, field);

    /// <summary>A double given as a JSON number, a numeric string, or <c>"NaN"</c> / <c>"Infinity"</c> / <c>"-Infinity"</c>.</summary>
    internal static double ReadDouble(JsonElement value, string field) =>
        TryReadDouble(value, out var number) ? number : throw TypeMismatch(value, field);

    /// <summary>An int64 as a JSON number or a string of digits (protobuf JSON allows both).</summary>
    internal static bool TryReadInt64(JsonElement value, out long number)
    {
        if (value.ValueKind == JsonValueKind.Number) return value.TryGetInt64(out number);
        number = 0;
        return value.ValueKind == JsonValueKind.String && TryParseInt64(value.GetString()!, out number);
    }

    internal static bool TryReadDouble(JsonElement value, out double number)
    {
        if (value.ValueKind == JsonValueKind.Number) return value.TryGetDouble(out number);
        number = 0;
        return value.ValueKind == JsonValueKind.String && TryParseDouble(value.GetString()!, out number);
    }

    private static long ParseInt64(string text, string field) =>
        TryParseInt64(text, out var number) ? number : throw TypeMismatch(text, "str", field);

    private static double ParseDouble(string text, string field) =>
        TryParseDouble(text, out var number) ? number : throw TypeMismatch(text, "str", field);

    private static bool TryParseInt64(string text, out long number) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number);

    private static bool TryParseDouble(string text, out double number)
    {
        switch (text)
        {
            case "NaN":
                number = double.NaN;
                return true;
            case "Infinity":
                number = double.PositiveInfinity;
                return true;
            case "-Infinity":
                number = double.NegativeInfinity;
                return true;
            default:
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);
        }
    }

    /// <summary>MLflow's message for a value of the wrong type, with the Python type name it would report.</summary>
    internal static StewardException TypeMismatch(JsonElement value, string field)
    {
        var (text, type) = value.ValueKind switch
        {
            JsonValueKind.String => (value.GetString()!, "str"),
            JsonValueKind.Number => (value.GetRawText(), value.TryGetInt64(out _) ? "int" : "float"),
            JsonValueKind.True => ("True", "bool"),
            JsonValueKind.False => ("False", "bool"),
            JsonValueKind.Array => (value.GetRawText(), "list"),
            JsonValueKind.Object => (value.GetRawText(), "dict"),
            _ => ("None", "NoneType"),
        };
        return TypeMismatch(text, type, field);
    }

    private static StewardException TypeMismatch(string text, string type, string field) =>
        StewardException.Invalid($"Invalid value {text} for parameter '{field}' supplied. Hint: Value was of type '{type}'. See the API docs for more information about request parameters.");

    internal static StewardException Missing(string field) =>
        StewardException.Invalid($"Missing value for required parameter '{field}'. See the API docs for more information about request parameters.");
}
