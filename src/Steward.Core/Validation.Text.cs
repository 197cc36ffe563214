using System.Text.Json;
using Steward.Errors;

namespace Steward;

/// <summary>
/// Text every store can keep. PostgreSQL refuses a NUL character in text where SQLite stores it,
/// so NUL is refused at the edge, for every backend alike, naming the field that carried it.
/// </summary>
public static partial class Validation
{
    /// <summary>Refuses a value containing a NUL character (U+0000); null passes.</summary>
    public static void NoNul(string? value, string field)
    {
        if (value is not null && value.Contains('\0', StringComparison.Ordinal)) throw NulIn(field);
    }

    /// <summary>
    /// Refuses a JSON document any of whose property names or string values contains a NUL
    /// character, naming it by its path (<c>tags[1].value</c>). Malformed JSON is left to the
    /// parser that reads the document next.
    /// </summary>
    public static void NoNulInJson(ReadOnlySpan<byte> utf8Json)
    {
        // In JSON a NUL can only be written as the escape \u0000: without one there is nothing to find.
        if (utf8Json.IndexOf("\\u0000"u8) < 0) return;
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = 64 });
        var path = new List<(bool Array, int Index, string? Property)>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        Advance(path);
                        path.Add((reader.TokenType == JsonTokenType.StartArray, -1, null));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        path.RemoveAt(path.Count - 1);
                        break;
                    case JsonTokenType.PropertyName:
                        var name = reader.GetString()!;
                        path[^1] = (false, -1, name);
                        if (name.Contains('\0', StringComparison.Ordinal)) throw NulIn(Describe(path));
                        break;
                    case JsonTokenType.String:
                        Advance(path);
                        if (reader.ValueIsEscaped && reader.GetString()!.Contains('\0', StringComparison.Ordinal)) throw NulIn(Describe(path));
                        break;
                    default:
                        Advance(path);
                        break;
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Not JSON the reader accepts (or a lone surrogate): the body's own parser says why.
        }
    }

    private static void Advance(List<(bool Array, int Index, string? Property)> path)
    {
        if (path.Count > 0 && path[^1].Array) path[^1] = (true, path[^1].Index + 1, null);
    }

    private static string Describe(List<(bool Array, int Index, string? Property)> path)
    {
        var text = new System.Text.StringBuilder();
        foreach (var (array, index, property) in path)
        {
            if (array) text.Append('[').Append(index).Append(']');
            else if (property is not null) text.Append(text.Length == 0 ? "" : ".").Append(property);
        }

        return text.Length == 0 ? "body" : text.ToString();
    }

    private static StewardException NulIn(string field) =>
        StewardException.Invalid($"Invalid value for parameter '{field}': text may not contain a NUL character (\\u0000).");
}
