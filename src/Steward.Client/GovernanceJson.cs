using System.Text.Json;
using Steward.Client.Internal;

namespace Steward.Client;

/// <summary>Writes the SDK's governance records back out in the server's own JSON format (the CLI's <c>--output json</c>).</summary>
public static class GovernanceJson
{
    private static readonly JsonSerializerOptions Indented = new(ClientJson.Governance.Options) { WriteIndented = true };

    /// <summary>Serializes a governance record (or a page of them) as the native API would, indented.</summary>
    /// <typeparam name="T">A governance SDK record type, or <see cref="Page{T}"/> of one.</typeparam>
    /// <param name="value">The value to write.</param>
    /// <returns>Indented JSON.</returns>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Indented.GetTypeInfo(typeof(T)));
}
