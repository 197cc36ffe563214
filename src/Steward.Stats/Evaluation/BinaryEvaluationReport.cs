using System.Text.Json.Serialization;

namespace Steward.Stats.Evaluation;

/// <summary>A binary classifier's scores evaluated against true/false labels.</summary>
public sealed record BinaryEvaluationReport : EvaluationReport
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Task => "binary";

    /// <summary>Rows labelled positive.</summary>
    public required long Positives { get; init; }

    /// <summary>Rows labelled negative.</summary>
    public required long Negatives { get; init; }

    /// <summary>Rows with score ≥ this are predicted positive for the threshold metrics and the confusion matrix.</summary>
    public required double Threshold { get; init; }

    /// <summary>The metrics.</summary>
    public required BinaryMetrics Metrics { get; init; }

    /// <summary>The confusion matrix at <see cref="Threshold"/>.</summary>
    public required BinaryConfusionMatrix ConfusionMatrix { get; init; }

    /// <summary>ROC curve from (0, 0) to (1, 1); null when the labels hold one class. Possibly thinned (see <see cref="CurvesThinned"/>).</summary>
    public required IReadOnlyList<RocPoint>? RocCurve { get; init; }

    /// <summary>Precision-recall curve in increasing threshold order, ending at (precision 1, recall 0). Possibly thinned.</summary>
    public required IReadOnlyList<PrecisionRecallPoint> PrecisionRecallCurve { get; init; }

    /// <summary>True when a curve had more points than the limit and was thinned for the report; the areas use every point.</summary>
    public required bool CurvesThinned { get; init; }

    /// <summary>Calibration curve; null when a score lies outside [0, 1].</summary>
    public required CalibrationCurveReport? CalibrationCurve { get; init; }
}

/// <summary>The metrics of a binary evaluation; null where undefined.</summary>
/// <param name="Accuracy">Share of rows predicted correctly at the threshold.</param>
/// <param name="Precision">TP / (TP + FP) at the threshold; 0 when no row is predicted positive.</param>
/// <param name="Recall">TP / (TP + FN) at the threshold; 0 when no row is positive.</param>
/// <param name="F1">2PR / (P + R); 0 when both are 0.</param>
/// <param name="RocAuc">Area under the ROC curve (ties count half); null when the labels hold one class.</param>
/// <param name="AveragePrecision">Step-wise area under the precision-recall curve; 0 when no row is positive.</param>
/// <param name="LogLoss">Mean negative log-likelihood with scores clipped to [2⁻⁵², 1 − 2⁻⁵²]; null when a score is outside [0, 1].</param>
/// <param name="BrierScore">Mean squared difference of score and label; null when a score is outside [0, 1].</param>
public sealed record BinaryMetrics(
    double Accuracy, double Precision, double Recall, double F1,
    double? RocAuc, double AveragePrecision, double? LogLoss, double? BrierScore);

/// <summary>The four cells of the confusion matrix at the threshold.</summary>
public sealed record BinaryConfusionMatrix(long TruePositives, long FalsePositives, long TrueNegatives, long FalseNegatives);

/// <summary>A calibration curve with the choices that shaped it.</summary>
/// <param name="Strategy">How the bin edges were placed.</param>
/// <param name="Bins">Bins asked for; empty bins are left out of <paramref name="Points"/>.</param>
/// <param name="Points">The non-empty bins in increasing score order.</param>
public sealed record CalibrationCurveReport(
    CalibrationStrategy Strategy,
    int Bins,
    IReadOnlyList<CalibrationBin> Points);
