using System.Text;
using System.Text.Json;
using Steward.Errors;

namespace Steward.Paging;

/// <summary>
/// Opaque page tokens: base64 of <c>{"offset": N}</c>, the shape MLflow's clients already pass
/// back unchanged.
/// </summary>
public static class PageToken
{
    public static string Encode(int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{{\"offset\": {offset}}}"));

    /// <summary>The offset a token stands for; 0 for a null or empty token.</summary>
    public static int Decode(string? token)
    {
        if (string.IsNullOrEmpty(token)) return 0;
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(token);
        }
        catch (FormatException)
        {
            throw StewardException.Invalid("Invalid page token, could not base64-decode");
        }

        try
        {
            using var json = JsonDocument.Parse(bytes);
            if (json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("offset", out var offset)
                && offset.ValueKind == JsonValueKind.Number // TryGetInt32 throws on a string, null or bool
                && offset.TryGetInt32(out var value)
                && value >= 0)
            {
                return value;
            }
        }
        catch (JsonException)
        {
        }

        throw StewardException.Invalid("Invalid page token, could not decode its offset");
    }

    /// <summary>Builds a page from up to <paramref name="maxResults"/> + 1 rows read at <paramref name="offset"/>.</summary>
    public static Page<T> Slice<T>(IReadOnlyList<T> rows, int offset, int maxResults)
    {
        if (rows.Count <= maxResults) return new Page<T>(rows, null);
        return new Page<T>(rows.Take(maxResults).ToList(), Encode(offset + maxResults));
    }
}
