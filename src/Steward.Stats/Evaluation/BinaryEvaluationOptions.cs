namespace Steward.Stats.Evaluation;

/// <summary>Choices for a binary evaluation; the defaults are scikit-learn's where it has one.</summary>
public sealed record BinaryEvaluationOptions
{
    /// <summary>Rows with score ≥ this are predicted positive for accuracy, precision, recall, F1 and the confusion matrix.</summary>
    public double Threshold { get; init; } = 0.5;

    /// <summary>Bins of the calibration curve (scikit-learn's <c>n_bins</c>).</summary>
    public int CalibrationBins { get; init; } = 10;

    /// <summary>Equal-width or quantile bins for the calibration curve.</summary>
    public CalibrationStrategy CalibrationStrategy { get; init; } = CalibrationStrategy.Uniform;

    /// <summary>
    /// Longest ROC or precision-recall curve kept in a report; longer curves are thinned (see
    /// <see cref="CurveThinning"/>). Areas are always computed from the full curve.
    /// </summary>
    public int MaxCurvePoints { get; init; } = 1000;

    /// <summary>Refuses values no evaluation can use, naming the option.</summary>
    /// <exception cref="EvaluationInputException">A value is out of range.</exception>
    public void Validate()
    {
        if (!double.IsFinite(Threshold))
            throw new EvaluationInputException($"the threshold must be a finite number, not {Threshold}");
        if (CalibrationBins < 1)
            throw new EvaluationInputException($"the calibration curve needs at least 1 bin, not {CalibrationBins}");
        if (MaxCurvePoints < 2)
            throw new EvaluationInputException($"a curve needs at least 2 points, not {MaxCurvePoints}");
    }
}
