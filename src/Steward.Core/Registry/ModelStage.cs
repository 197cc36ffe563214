using Steward.Errors;

namespace Steward.Registry;

/// <summary>The classic MLflow deployment stages of a model version.</summary>
public enum ModelStage
{
    None,
    Staging,
    Production,
    Archived,
}

/// <summary>Stage names as MLflow spells them ("None", "Staging"...), parsed case-insensitively.</summary>
public static class ModelStages
{
    public static ModelStage Parse(string? stage) => stage?.Trim().ToLowerInvariant() switch
    {
        "none" => ModelStage.None,
        "staging" => ModelStage.Staging,
        "production" => ModelStage.Production,
        "archived" => ModelStage.Archived,
        _ => throw StewardException.Invalid($"Invalid Model Version stage: {stage}. Value must be one of None, Staging, Production, Archived."),
    };

    public static string Name(ModelStage stage) => stage.ToString();
}
