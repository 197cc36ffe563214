namespace Steward.Stats.Drift;

/// <summary>
/// One column of both samples, in memory: numbers (NaN and ±∞ are missing) or text (null is missing).
/// Numbers are compared as numeric unless <see cref="Categorical"/> is set or they hold few distinct
/// values; text is always categorical.
/// </summary>
public sealed record DriftColumn
{
    private DriftColumn(string name, double[]? referenceNumbers, double[]? currentNumbers, string?[]? referenceText, string?[]? currentText, bool categorical)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        ReferenceNumbers = referenceNumbers;
        CurrentNumbers = currentNumbers;
        ReferenceText = referenceText;
        CurrentText = currentText;
        Categorical = categorical;
    }

    /// <summary>The column's name.</summary>
    public string Name { get; }

    /// <summary>The reference sample's values when the column is numeric.</summary>
    public double[]? ReferenceNumbers { get; }

    /// <summary>The current sample's values when the column is numeric.</summary>
    public double[]? CurrentNumbers { get; }

    /// <summary>The reference sample's values when the column is text.</summary>
    public string?[]? ReferenceText { get; }

    /// <summary>The current sample's values when the column is text.</summary>
    public string?[]? CurrentText { get; }

    /// <summary>True when the caller asked for numbers to be compared as categories.</summary>
    public bool Categorical { get; }

    /// <summary>A numeric column; <paramref name="categorical"/> compares its values as categories.</summary>
    public static DriftColumn Numeric(string name, double[] reference, double[] current, bool categorical = false)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        return new(name, reference, current, null, null, categorical);
    }

    /// <summary>A text column, compared as categories.</summary>
    public static DriftColumn Text(string name, string?[] reference, string?[] current)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        return new(name, null, null, reference, current, categorical: true);
    }
}
