using System.Text.Json;

namespace Steward.Storage.Governance;

/// <summary>Lists kept as JSON text in governance rows (checklist names, factors, evidence links).</summary>
internal static class StoredJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidOperationException("A stored JSON column is null.");
}
