using System.Text.Json.Serialization;

namespace Steward.Contracts.Registry;

/// <summary>The deployment stage of a model version; spelt as the member names on the wire.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ModelStage>))]
public enum ModelStage
{
    /// <summary>Not deployed anywhere.</summary>
    None,

    /// <summary>Deployed for pre-production checks.</summary>
    Staging,

    /// <summary>Serving production traffic.</summary>
    Production,

    /// <summary>Retired.</summary>
    Archived,
}
