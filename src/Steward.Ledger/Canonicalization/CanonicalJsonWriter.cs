using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace Steward.Ledger.Canonicalization;

/// <summary>Writes RFC 8785 canonical JSON into a buffer; see <see cref="JsonCanonicalizer"/>.</summary>
internal sealed class CanonicalJsonWriter(IBufferWriter<byte> output)
{
    // Deeper documents are refused rather than risking the stack; ledger entries are shallow.
    private const int MaxDepth = 64;

    public void Write(JsonElement element, int depth = 0)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                CheckDepth(depth);
                var members = new List<KeyValuePair<string, JsonElement>>();
                foreach (var property in element.EnumerateObject())
                {
                    members.Add(new(Unescape(property, static p => p.Name), property.Value));
                }
                WriteObject(members, (writer, value) => writer.Write(value, depth + 1));
                break;
            case JsonValueKind.Array:
                CheckDepth(depth);
                WriteRaw("["u8);
                bool first = true;
                foreach (var item in element.EnumerateArray())
                {
                    if (!first)
                    {
                        WriteRaw(","u8);
                    }
                    first = false;
                    Write(item, depth + 1);
                }
                WriteRaw("]"u8);
                break;
            case JsonValueKind.String:
                WriteString(Unescape(element, static e => e.GetString()!));
                break;
            case JsonValueKind.Number:
                // I-JSON numbers are IEEE 754 doubles; a literal beyond their range is not one.
                if (!element.TryGetDouble(out double number) || !double.IsFinite(number))
                {
                    throw new ArgumentException($"The number {element.GetRawText()} is outside the range of an IEEE 754 double.");
                }
                WriteNumber(number);
                break;
            case JsonValueKind.True:
                WriteRaw("true"u8);
                break;
            case JsonValueKind.False:
                WriteRaw("false"u8);
                break;
            case JsonValueKind.Null:
                WriteRaw("null"u8);
                break;
            default:
                throw new ArgumentException($"A JSON element of kind {element.ValueKind} cannot be canonicalized.");
        }
    }

    public void Write(JsonNode? node, int depth = 0)
    {
        switch (node)
        {
            case null:
                WriteRaw("null"u8);
                break;
            case JsonObject obj:
                CheckDepth(depth);
                // JsonObject already refuses duplicate names, but the shared path checks anyway.
                WriteObject([.. obj], (writer, value) => writer.Write(value, depth + 1));
                break;
            case JsonArray array:
                CheckDepth(depth);
                WriteRaw("["u8);
                for (int i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        WriteRaw(","u8);
                    }
                    Write(array[i], depth + 1);
                }
                WriteRaw("]"u8);
                break;
            case JsonValue value:
                WriteValue(value);
                break;
        }
    }

    private void WriteValue(JsonValue value)
    {
        if (value.TryGetValue(out JsonElement element))
        {
            Write(element);
        }
        else if (value.TryGetValue(out double number))
        {
            WriteNumber(number);
        }
        else if (value.TryGetValue(out float single))
        {
            WriteNumber(single);
        }
        else if (value.TryGetValue(out string? text))
        {
            WriteString(text);
        }
        else
        {
            // Any other CLR value (long, decimal, bool, Guid, DateTime...): let System.Text.Json
            // write its JSON form and canonicalize that, so the result does not depend on how
            // the node happens to store it.
            using var document = JsonDocument.Parse(value.ToJsonString());
            Write(document.RootElement);
        }
    }

    private void WriteObject<T>(List<KeyValuePair<string, T>> members, Action<CanonicalJsonWriter, T> writeValue)
    {
        // RFC 8785 §3.2.3: members sorted by their names as arrays of UTF-16 code units,
        // which is exactly ordinal comparison of .NET strings.
        members.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        WriteRaw("{"u8);
        for (int i = 0; i < members.Count; i++)
        {
            if (i > 0)
            {
                if (string.Equals(members[i - 1].Key, members[i].Key, StringComparison.Ordinal))
                {
                    throw new ArgumentException($"The member name \"{members[i].Key}\" appears twice in one object (RFC 8785 requires I-JSON).");
                }
                WriteRaw(","u8);
            }
            WriteString(members[i].Key);
            WriteRaw(":"u8);
            writeValue(this, members[i].Value);
        }
        WriteRaw("}"u8);
    }

    private void WriteNumber(double value)
    {
        Span<byte> buffer = output.GetSpan(EcmaScriptNumber.MaxLength);
        output.Advance(EcmaScriptNumber.Format(value, buffer));
    }

    /// <summary>
    /// RFC 8785 §3.2.2.2: escape only '"', '\\' and the C0 controls; \b \t \n \f \r by name,
    /// the rest as \u00xx in lowercase hex. Everything else, including U+007F, U+2028 and '/',
    /// is written as UTF-8. Lone surrogates are refused: they are not I-JSON.
    /// </summary>
    private void WriteString(string value) => WriteString(output, value);

    internal static void WriteString(IBufferWriter<byte> output, string value)
    {
        // Worst cases: 6 bytes for an escaped control character, 3 UTF-8 bytes per UTF-16 unit.
        Span<byte> buffer = output.GetSpan(checked(value.Length * 6 + 2));
        int pos = 0;
        buffer[pos++] = (byte)'"';
        int runStart = 0;
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c >= 0x20 && c != '"' && c != '\\')
            {
                continue;
            }
            pos += EncodeRun(value.AsSpan(runStart, i - runStart), buffer[pos..]);
            runStart = i + 1;
            buffer[pos++] = (byte)'\\';
            switch (c)
            {
                case '"': buffer[pos++] = (byte)'"'; break;
                case '\\': buffer[pos++] = (byte)'\\'; break;
                case '\b': buffer[pos++] = (byte)'b'; break;
                case '\t': buffer[pos++] = (byte)'t'; break;
                case '\n': buffer[pos++] = (byte)'n'; break;
                case '\f': buffer[pos++] = (byte)'f'; break;
                case '\r': buffer[pos++] = (byte)'r'; break;
                default:
                    buffer[pos++] = (byte)'u';
                    buffer[pos++] = (byte)'0';
                    buffer[pos++] = (byte)'0';
                    buffer[pos++] = (byte)"0123456789abcdef"[c >> 4];
                    buffer[pos++] = (byte)"0123456789abcdef"[c & 0xf];
                    break;
            }
        }
        pos += EncodeRun(value.AsSpan(runStart), buffer[pos..]);
        buffer[pos++] = (byte)'"';
        output.Advance(pos);
    }

    /// <summary>System.Text.Json refuses to unescape a lone surrogate ("\ud800"); report it like ours.</summary>
    private static string Unescape<T>(T source, Func<T, string> read)
    {
        try
        {
            return read(source);
        }
        catch (InvalidOperationException exception)
        {
            throw new ArgumentException(LoneSurrogate, exception);
        }
    }

    private const string LoneSurrogate =
        "A string contains a lone UTF-16 surrogate, which canonical JSON cannot carry (RFC 8785 requires I-JSON).";

    private static int EncodeRun(ReadOnlySpan<char> run, Span<byte> destination)
    {
        var status = Utf8.FromUtf16(run, destination, out _, out int written, replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
        {
            throw new ArgumentException(LoneSurrogate);
        }
        return written;
    }

    private void WriteRaw(ReadOnlySpan<byte> bytes) => output.Write(bytes);

    private static void CheckDepth(int depth)
    {
        if (depth >= MaxDepth)
        {
            throw new ArgumentException($"JSON nested deeper than {MaxDepth} levels is not canonicalized.");
        }
    }
}
