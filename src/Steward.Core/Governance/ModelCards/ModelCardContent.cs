using System.Text.Json;
using System.Text.Json.Serialization;

namespace Steward.Governance.ModelCards;

/// <summary>How a card's sections are kept as one JSON text in a store.</summary>
public static class ModelCardContent
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(IReadOnlyList<ModelCardSection> sections) => JsonSerializer.Serialize(sections, Options);

    public static IReadOnlyList<ModelCardSection> Deserialize(string json) =>
        JsonSerializer.Deserialize<List<ModelCardSection>>(json, Options) ?? throw new InvalidOperationException("A stored model card has no sections.");
}
