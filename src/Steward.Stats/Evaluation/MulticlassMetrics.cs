namespace Steward.Stats.Evaluation;

/// <summary>
/// Multiclass metrics as scikit-learn 1.2 computes them over every label that occurs in the actual or
/// the predicted values. A label never predicted has precision 0, a label that never occurs has recall 0,
/// and F1 is 0 where precision and recall are both 0 (scikit-learn's default <c>zero_division="warn"</c>).
/// </summary>
/// <param name="Accuracy">Share of rows predicted exactly.</param>
/// <param name="MacroPrecision">Unweighted mean of the per-label precisions.</param>
/// <param name="MacroRecall">Unweighted mean of the per-label recalls.</param>
/// <param name="MacroF1">Unweighted mean of the per-label F1 scores (<c>f1_score(average="macro")</c>).</param>
/// <param name="MicroF1">F1 of the summed counts (<c>average="micro"</c>); equals accuracy up to rounding.</param>
/// <param name="WeightedF1">Mean of the per-label F1 scores weighted by support (<c>average="weighted"</c>).</param>
public sealed record MulticlassMetrics(double Accuracy, double MacroPrecision, double MacroRecall, double MacroF1, double MicroF1, double WeightedF1);

/// <summary>Precision, recall, F1 and support of one label, treating it as the positive class.</summary>
/// <param name="Label">The label as text.</param>
/// <param name="Precision">Rows correctly predicted as the label / rows predicted as it (0 when none).</param>
/// <param name="Recall">Rows correctly predicted as the label / rows that are it (0 when none).</param>
/// <param name="F1">2PR / (P + R), 0 when both are 0.</param>
/// <param name="Support">Rows whose actual value is the label.</param>
public sealed record ClassMetrics(string Label, double Precision, double Recall, double F1, long Support);

/// <summary>
/// Counts of (actual, predicted) pairs: <see cref="Counts"/>[i][j] rows have actual value
/// <see cref="Labels"/>[i] and predicted value <see cref="Labels"/>[j] (scikit-learn's <c>confusion_matrix</c> layout).
/// </summary>
public sealed record MulticlassConfusion(IReadOnlyList<string> Labels, IReadOnlyList<IReadOnlyList<long>> Counts);
