using System.Text.Json.Serialization;

namespace Steward.Client;

/// <summary>The deployment stage of a model version.</summary>
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
