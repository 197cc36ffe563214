namespace Steward.Governance.ModelCards;

/// <summary>
/// The sections of a model card (Mitchell et al., "Model Cards for Model Reporting", 2019), in
/// reading order. Every section is required for a complete card; the platform fills what it
/// holds, and the sections marked <see cref="SectionDefinition.NeedsText"/> need words from people
/// whatever the platform fills, because no stored evidence can say them.
/// </summary>
public static class ModelCardSections
{
    public const string ModelDetails = "model_details";
    public const string IntendedUse = "intended_use";
    public const string Factors = "factors";
    public const string Metrics = "metrics";
    public const string EvaluationData = "evaluation_data";
    public const string TrainingData = "training_data";
    public const string QuantitativeAnalyses = "quantitative_analyses";
    public const string EthicalConsiderations = "ethical_considerations";
    public const string CaveatsAndRecommendations = "caveats_and_recommendations";

    public static IReadOnlyList<SectionDefinition> All { get; } =
    [
        new(ModelDetails, "Model details", false),
        new(IntendedUse, "Intended use", false),
        new(Factors, "Factors", true),
        new(Metrics, "Metrics", false),
        new(EvaluationData, "Evaluation data", false),
        new(TrainingData, "Training data", false),
        new(QuantitativeAnalyses, "Quantitative analyses", false),
        new(EthicalConsiderations, "Ethical considerations", true),
        new(CaveatsAndRecommendations, "Caveats and recommendations", true),
    ];

    /// <summary>The definition of <paramref name="key"/>, or null.</summary>
    public static SectionDefinition? Find(string key) => All.FirstOrDefault(s => s.Key == key);
}

/// <summary>A model card section: its key, title, and whether people must write in it.</summary>
public sealed record SectionDefinition(string Key, string Title, bool NeedsText);
