using System.Globalization;
using Steward.Stats.Classification;

namespace Steward.Stats.Evaluation;

/// <summary>
/// Evaluates predicted class labels against actual ones. Labels are ordered as scikit-learn's
/// <c>unique_labels</c> orders them: integers numerically, text by ordinal (UTF-16 code unit) comparison.
/// </summary>
public static class MulticlassEvaluation
{
    /// <summary>Evaluates text labels.</summary>
    /// <exception cref="EvaluationInputException">Lengths differ, there are no rows, or a label is missing (null).</exception>
    public static MulticlassEvaluationReport Evaluate(ReadOnlySpan<string?> actual, ReadOnlySpan<string?> predicted)
    {
        for (var i = 0; i < actual.Length && i < predicted.Length; i++)
        {
            if (actual[i] is null)
                throw new EvaluationInputException($"actual label at row {i + 1} is missing");
            if (predicted[i] is null)
                throw new EvaluationInputException($"predicted label at row {i + 1} is missing");
        }

        return Evaluate<string>(actual!, predicted!, StringComparer.Ordinal, label => label);
    }

    /// <summary>Evaluates integer labels.</summary>
    /// <exception cref="EvaluationInputException">Lengths differ or there are no rows.</exception>
    public static MulticlassEvaluationReport Evaluate(ReadOnlySpan<long> actual, ReadOnlySpan<long> predicted) =>
        Evaluate(actual, predicted, Comparer<long>.Default, label => label.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// Metrics from counts already made (by a SQL <c>GROUP BY</c>, say). The labels are taken in the
    /// order given; <c>Counts[i][j]</c> is the number of rows with actual label i predicted as j.
    /// </summary>
    /// <exception cref="EvaluationInputException">The matrix is not square over the labels, a label repeats, a count is negative, or it counts no rows.</exception>
    public static MulticlassEvaluationReport FromConfusion(MulticlassConfusion confusion)
    {
        ArgumentNullException.ThrowIfNull(confusion);
        var k = confusion.Labels.Count;
        if (confusion.Counts.Count != k || confusion.Counts.Any(row => row.Count != k))
            throw new EvaluationInputException($"the confusion matrix must be {k} × {k}, one row and column per label");
        if (confusion.Labels.Distinct(StringComparer.Ordinal).Count() != k)
            throw new EvaluationInputException("the confusion matrix names a label twice");
        if (confusion.Counts.Any(row => row.Any(c => c < 0)))
            throw new EvaluationInputException("the confusion matrix holds a negative count");

        var actualTotals = new long[k];
        var predictedTotals = new long[k];
        long rows = 0, correct = 0;
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                var count = confusion.Counts[i][j];
                actualTotals[i] += count;
                predictedTotals[j] += count;
                rows += count;
            }

            correct += confusion.Counts[i][i];
        }

        if (rows == 0)
            throw new EvaluationInputException("there are no rows to evaluate");

        var classes = new ClassMetrics[k];
        for (var i = 0; i < k; i++)
        {
            var tp = confusion.Counts[i][i];
            var precision = ClassificationRates.Ratio(tp, predictedTotals[i], ZeroDivision.Zero);
            var recall = ClassificationRates.Ratio(tp, actualTotals[i], ZeroDivision.Zero);
            classes[i] = new ClassMetrics(confusion.Labels[i], precision, recall, ClassificationRates.F1Of(precision, recall), actualTotals[i]);
        }

        var microPrecision = ClassificationRates.Ratio(correct, rows, ZeroDivision.Zero);
        var microRecall = ClassificationRates.Ratio(correct, rows, ZeroDivision.Zero);
        var metrics = new MulticlassMetrics(
            Accuracy: (double)correct / rows,
            MacroPrecision: classes.Average(c => c.Precision),
            MacroRecall: classes.Average(c => c.Recall),
            MacroF1: classes.Average(c => c.F1),
            MicroF1: ClassificationRates.F1Of(microPrecision, microRecall),
            WeightedF1: classes.Sum(c => c.F1 * c.Support) / rows);
        return new MulticlassEvaluationReport
        {
            Rows = rows,
            Metrics = metrics,
            Classes = classes,
            ConfusionMatrix = confusion,
            Notes = Notes(confusion.Labels, actualTotals, predictedTotals),
        };
    }

    private static MulticlassEvaluationReport Evaluate<T>(ReadOnlySpan<T> actual, ReadOnlySpan<T> predicted, IComparer<T> order, Func<T, string> show)
        where T : notnull
    {
        if (actual.Length != predicted.Length)
            throw new EvaluationInputException($"actual and predicted labels differ in length: {actual.Length} actual, {predicted.Length} predicted");
        if (actual.Length == 0)
            throw new EvaluationInputException("there are no rows to evaluate");

        // Code labels in first-seen order, then renumber in sorted order.
        var codes = new Dictionary<T, int>();
        var actualCodes = new int[actual.Length];
        var predictedCodes = new int[actual.Length];
        for (var i = 0; i < actual.Length; i++)
        {
            actualCodes[i] = Code(codes, actual[i]);
            predictedCodes[i] = Code(codes, predicted[i]);
        }

        var labels = codes.Keys.Order(order).ToArray();
        var position = new int[labels.Length];
        for (var p = 0; p < labels.Length; p++)
            position[codes[labels[p]]] = p;

        var counts = new long[labels.Length][];
        for (var i = 0; i < counts.Length; i++)
            counts[i] = new long[labels.Length];
        for (var i = 0; i < actualCodes.Length; i++)
            counts[position[actualCodes[i]]][position[predictedCodes[i]]]++;

        return FromConfusion(new MulticlassConfusion(labels.Select(show).ToArray(), counts));
    }

    private static int Code<T>(Dictionary<T, int> codes, T label)
        where T : notnull
    {
        if (!codes.TryGetValue(label, out var code))
        {
            code = codes.Count;
            codes.Add(label, code);
        }

        return code;
    }

    private static string[] Notes(IReadOnlyList<string> labels, long[] actualTotals, long[] predictedTotals)
    {
        var notes = new List<string>();
        var neverPredicted = labels.Where((_, i) => predictedTotals[i] == 0).ToList();
        var neverActual = labels.Where((_, i) => actualTotals[i] == 0).ToList();
        if (neverPredicted.Count > 0)
            notes.Add($"precision is 0 by convention for labels never predicted: {string.Join(", ", neverPredicted)}");
        if (neverActual.Count > 0)
            notes.Add($"recall is 0 by convention for labels that never occur in the actual values: {string.Join(", ", neverActual)}");
        return notes.ToArray();
    }
}
