using System.Text.Json;
using Steward.Client.Internal;

namespace Steward.Client;

/// <summary>
/// The native API's JSON settings, for callers that write the SDK's records back out in the
/// server's own format (the CLI's <c>--output json</c>).
/// </summary>
public static class StewardJson
{
    /// <summary>Read-only options: camelCase, NaN/±Infinity as named literals, nulls omitted.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Serializes an SDK record (or a page of them) as the native API would, indented.</summary>
    /// <typeparam name="T">An SDK record type, or <see cref="Page{T}"/> of one.</typeparam>
    /// <param name="value">The value to write.</param>
    /// <returns>Indented JSON.</returns>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Indented.GetTypeInfo(typeof(T)));

    private static readonly JsonSerializerOptions Indented = new(ClientJson.Native.Options) { WriteIndented = true };

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(ClientJson.Native.Options);
        options.MakeReadOnly();
        return options;
    }
}
