using Steward.Stats.Evaluation;

namespace Steward.Stats.Tests.Evaluation;

/// <summary>
/// Multiclass metrics agree with scikit-learn 1.2.1, label order included. Expected values:
/// <c>Reference/evaluation_reference.py</c>, lines <c>multiclass.*</c> and <c>multiclass_int.*</c>.
/// </summary>
public sealed class MulticlassAgreementTests
{
    private static readonly MulticlassEvaluationReport Text = EvaluateText();

    [Fact]
    public void Labels_are_every_actual_and_predicted_value_in_ordinal_order()
    {
        // multiclass.labels
        Assert.Equal(["bird", "cat", "dog", "emu", "fish", "yak"], Text.ConfusionMatrix.Labels);
    }

    [Fact]
    public void Overall_metrics_match_sklearn()
    {
        Assert.Equal(600, Text.Rows);
        Tolerance.Equal(0.6433333333333333, Text.Metrics.Accuracy, "accuracy");              // multiclass.accuracy
        Tolerance.Equal(0.4495451936847401, Text.Metrics.MacroF1, "macroF1");                // multiclass.macro_f1
        Tolerance.Equal(0.6433333333333333, Text.Metrics.MicroF1, "microF1");                // multiclass.micro_f1
        Tolerance.Equal(0.6506365050776098, Text.Metrics.WeightedF1, "weightedF1");          // multiclass.weighted_f1
        Tolerance.Equal(0.45158561070342024, Text.Metrics.MacroPrecision, "macroPrecision"); // multiclass.macro_precision
        Tolerance.Equal(0.44948050046231525, Text.Metrics.MacroRecall, "macroRecall");       // multiclass.macro_recall
    }

    [Fact]
    public void Per_label_metrics_match_sklearn_with_0_for_a_label_never_predicted_or_never_actual()
    {
        // multiclass.per_class.*: "emu" is never actual, "yak" never predicted.
        Tolerance.Equal([0.6120689655172413, 0.7777777777777778, 0.6783625730994152, 0.0, 0.6413043478260869, 0.0], Text.Classes.Select(c => c.Precision).ToList(), "precision");
        Tolerance.Equal([0.6454545454545455, 0.6635071090047393, 0.725, 0.0, 0.6629213483146067, 0.0], Text.Classes.Select(c => c.Recall).ToList(), "recall");
        Tolerance.Equal([0.6283185840707964, 0.7161125319693095, 0.7009063444108762, 0.0, 0.6519337016574585, 0.0], Text.Classes.Select(c => c.F1).ToList(), "f1");
        Assert.Equal([110L, 211, 160, 0, 89, 30], Text.Classes.Select(c => c.Support));
        Assert.Contains(Text.Notes, n => n == "precision is 0 by convention for labels never predicted: yak");
        Assert.Contains(Text.Notes, n => n == "recall is 0 by convention for labels that never occur in the actual values: emu");
    }

    [Fact]
    public void Confusion_matrix_has_actual_rows_and_predicted_columns()
    {
        // multiclass.confusion
        long[][] expected = [[71, 7, 14, 10, 8, 0], [23, 140, 20, 15, 13, 0], [13, 18, 116, 8, 5, 0], [0, 0, 0, 0, 0, 0], [5, 9, 13, 3, 59, 0], [4, 6, 8, 5, 7, 0]];
        Assert.Equal(expected, Text.ConfusionMatrix.Counts.Select(r => r.ToArray()));
    }

    [Fact]
    public void Integer_labels_are_ordered_numerically()
    {
        var (actual, predicted) = ReferenceData.Numbers("multiclass_int.csv");
        var report = MulticlassEvaluation.Evaluate(actual.Select(v => (long)v).ToArray(), predicted.Select(v => (long)v).ToArray());
        Assert.Equal(["1", "2", "10", "11"], report.ConfusionMatrix.Labels);                 // multiclass_int.labels
        Tolerance.Equal(0.7985538141275846, report.Metrics.MacroF1, "macroF1");             // multiclass_int.macro_f1
        long[][] expected = [[76, 5, 5, 3], [5, 48, 5, 4], [6, 9, 51, 5], [7, 2, 3, 66]];  // multiclass_int.confusion
        Assert.Equal(expected, report.ConfusionMatrix.Counts.Select(r => r.ToArray()));
    }

    [Fact]
    public void Counts_made_elsewhere_give_the_same_report()
    {
        var fromCounts = MulticlassEvaluation.FromConfusion(Text.ConfusionMatrix);
        Assert.Equal(Text.Metrics, fromCounts.Metrics);
        Assert.Equal(Text.Classes, fromCounts.Classes);
    }

    [Fact]
    public void A_missing_label_is_refused_naming_its_row()
    {
        var error = Assert.Throws<EvaluationInputException>(() => MulticlassEvaluation.Evaluate(["a", "b"], ["a", null]));
        Assert.Equal("predicted label at row 2 is missing", error.Message);
    }

    [Fact]
    public void A_confusion_matrix_that_is_not_square_is_refused()
    {
        var error = Assert.Throws<EvaluationInputException>(() =>
            MulticlassEvaluation.FromConfusion(new MulticlassConfusion(["a", "b"], [[1, 2], [3]])));
        Assert.Contains("2 × 2", error.Message);
    }

    private static MulticlassEvaluationReport EvaluateText()
    {
        var (actual, predicted) = ReferenceData.Text("multiclass.csv");
        return MulticlassEvaluation.Evaluate(actual, predicted);
    }
}
