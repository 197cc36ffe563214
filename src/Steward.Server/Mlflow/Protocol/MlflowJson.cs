using System.Text.Json;
using Steward.Artifacts;
using Steward.Tracking;

namespace Steward.Server.Mlflow.Protocol;

/// <summary>
/// Writes Steward's entities as MLflow's protobuf JSON: snake_case names, unset fields and
/// empty repeated fields omitted, int64 as numbers, enums by name, NaN and ±Infinity as the
/// strings protobuf JSON uses. Property names are encoded once, here.
/// </summary>
internal static partial class MlflowJson
{
    private static readonly JsonEncodedText Key = JsonEncodedText.Encode("key");
    private static readonly JsonEncodedText Value = JsonEncodedText.Encode("value");
    private static readonly JsonEncodedText Path = JsonEncodedText.Encode("path");
    private static readonly JsonEncodedText IsDir = JsonEncodedText.Encode("is_dir");
    private static readonly JsonEncodedText FileSize = JsonEncodedText.Encode("file_size");
    private static readonly JsonEncodedText Files = JsonEncodedText.Encode("files");
    private static readonly JsonEncodedText RootUri = JsonEncodedText.Encode("root_uri");
    private static readonly JsonEncodedText NextPageToken = JsonEncodedText.Encode("next_page_token");
    private static readonly JsonEncodedText NaN = JsonEncodedText.Encode("NaN");
    private static readonly JsonEncodedText Infinity = JsonEncodedText.Encode("Infinity");
    private static readonly JsonEncodedText NegativeInfinity = JsonEncodedText.Encode("-Infinity");

    /// <summary>A double as protobuf JSON writes it: a number, or "NaN" / "Infinity" / "-Infinity".</summary>
    public static void WriteDouble(Utf8JsonWriter writer, JsonEncodedText name, double value)
    {
        if (double.IsFinite(value)) writer.WriteNumber(name, value);
        else writer.WriteString(name, double.IsNaN(value) ? NaN : value > 0 ? Infinity : NegativeInfinity);
    }

    /// <summary>A string field that is absent when null (proto2 presence), present even when empty.</summary>
    public static void WriteOptional(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is not null) writer.WriteString(name, value);
    }

    /// <summary><c>next_page_token</c>, present only when another page exists.</summary>
    public static void WriteNextPageToken(Utf8JsonWriter writer, string? token)
    {
        if (!string.IsNullOrEmpty(token)) writer.WriteString(NextPageToken, token);
    }

    /// <summary>A search response: the items as a repeated field (omitted when empty), then the next page token.</summary>
    public static void WritePage<T>(Utf8JsonWriter writer, JsonEncodedText name, Steward.Paging.Page<T> page, Action<Utf8JsonWriter, T> writeItem)
    {
        if (page.Items.Count > 0)
        {
            writer.WriteStartArray(name);
            foreach (var item in page.Items) writeItem(writer, item);
            writer.WriteEndArray();
        }

        WriteNextPageToken(writer, page.NextPageToken);
    }

    /// <summary>A repeated <c>{key, value}</c> field (tags, params), omitted when empty.</summary>
    public static void WriteKeyValues(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyList<Tag> tags)
    {
        if (tags.Count == 0) return;
        writer.WriteStartArray(name);
        foreach (var tag in tags)
        {
            writer.WriteStartObject();
            writer.WriteString(Key, tag.Key);
            writer.WriteString(Value, tag.Value);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    public static void WriteKeyValues(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyList<Param> parameters)
    {
        if (parameters.Count == 0) return;
        writer.WriteStartArray(name);
        foreach (var param in parameters)
        {
            writer.WriteStartObject();
            writer.WriteString(Key, param.Key);
            writer.WriteString(Value, param.Value);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>A listing's <c>files</c> (omitted when empty) and, when given, its <c>root_uri</c>.</summary>
    public static void WriteFiles(Utf8JsonWriter writer, IReadOnlyList<ArtifactFile> files, string? rootUri = null)
    {
        WriteOptional(writer, RootUri, rootUri);
        if (files.Count == 0) return;
        writer.WriteStartArray(Files);
        foreach (var file in files)
        {
            writer.WriteStartObject();
            writer.WriteString(Path, file.Path);
            writer.WriteBoolean(IsDir, file.IsDir);
            if (!file.IsDir && file.FileSize is { } size) writer.WriteNumber(FileSize, size);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
