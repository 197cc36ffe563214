using Steward.Analytics.Files;

namespace Steward.Analytics.Fairness;

/// <summary>
/// Which columns of a data file a fairness audit reads: the label, the prediction (a binary column,
/// or a score and a threshold), the sensitive features, and the positive value.
/// </summary>
public sealed record FairnessDataSpec
{
    /// <summary>The true outcome: 0/1, true/false, or any two values with <see cref="Positive"/> naming the positive one.</summary>
    public required string Label { get; init; }

    /// <summary>The sensitive features; several make intersections (race × sex).</summary>
    public required IReadOnlyList<string> Sensitive { get; init; }

    /// <summary>A binary prediction column (0/1, true/false, or text using the label's positive value), or null with a score.</summary>
    public string? Prediction { get; init; }

    /// <summary>A numeric score column, positive when at or above <see cref="Threshold"/>, or null with a prediction column.</summary>
    public string? Score { get; init; }

    /// <summary>The score threshold: a score ≥ it is a positive prediction.</summary>
    public double? Threshold { get; init; }

    /// <summary>
    /// The label value that is positive (compared as text: <c>Yes</c>, <c>1</c>). It applies to a text
    /// prediction column too; numeric and boolean prediction columns are always read as 0/1, true/false.
    /// </summary>
    public string? Positive { get; init; }

    /// <summary>Checks that the options fit together; a <see cref="DataFileException"/> names what does not.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Label))
            throw new DataFileException("name the label column");
        if (Sensitive is null || Sensitive.Count == 0 || Sensitive.Any(string.IsNullOrWhiteSpace))
            throw new DataFileException("name at least one sensitive column");
        if (Prediction is null == Score is null)
            throw new DataFileException("give either a prediction column or a score column with a threshold, not both or neither");
        if (Score is not null && Threshold is null)
            throw new DataFileException($"the score column '{Score}' needs a threshold (a score at or above it is a positive prediction)");
        if (Score is null && Threshold is not null)
            throw new DataFileException("a threshold applies only to a score column");
        if (Threshold is { } t && !double.IsFinite(t))
            throw new DataFileException($"the threshold must be a finite number; got {t}");
        if (Positive is { Length: 0 })
            throw new DataFileException("the positive value is empty");
    }
}
