using System.Text.Json.Serialization;

namespace Steward.Stats.Evaluation;

/// <summary>
/// The result of evaluating a model's outputs against the truth, as stored and exchanged: serialize
/// it with <see cref="EvaluationJson"/>, which writes the task first (<c>"task": "binary"</c>,
/// <c>"regression"</c> or <c>"multiclass"</c>) and <c>null</c> for every metric that is undefined
/// (the reason is in <see cref="Notes"/>).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "task")]
[JsonDerivedType(typeof(BinaryEvaluationReport), "binary")]
[JsonDerivedType(typeof(RegressionEvaluationReport), "regression")]
[JsonDerivedType(typeof(MulticlassEvaluationReport), "multiclass")]
public abstract record EvaluationReport
{
    /// <summary>Rows evaluated.</summary>
    [JsonPropertyOrder(-3)]
    public required long Rows { get; init; }

    /// <summary>Where the rows came from, when they came from a file.</summary>
    [JsonPropertyOrder(-2)]
    public EvaluationSource? Source { get; init; }

    /// <summary>Why a metric is null or set by convention (division by zero), in words.</summary>
    [JsonPropertyOrder(100)]
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The task's name as written in JSON.</summary>
    [JsonIgnore]
    public abstract string Task { get; }
}

/// <summary>The data an evaluation read: the file, its row filter and the columns.</summary>
/// <param name="Data">The data file as given.</param>
/// <param name="Where">The SQL row filter, or null for every row.</param>
/// <param name="Label">The column of actual values.</param>
/// <param name="Score">The score column (binary), or null.</param>
/// <param name="Prediction">The prediction column (regression, multiclass), or null.</param>
/// <param name="Positive">The label value that counts as positive (binary), or null for 0/1 and true/false labels.</param>
public sealed record EvaluationSource(string Data, string? Where, string Label, string? Score, string? Prediction, string? Positive);
