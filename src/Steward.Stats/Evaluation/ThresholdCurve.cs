using Steward.Stats.Classification;

namespace Steward.Stats.Evaluation;

/// <summary>
/// True and false positives at every distinct score, highest score first: at index <c>i</c>, the rows
/// with score ≥ <see cref="Thresholds"/>[i] predicted positive. This is scikit-learn's
/// <c>_binary_clf_curve</c>; the ROC and precision-recall curves, their areas, the calibration curve and
/// the probability losses are all computed from it, so the rows are sorted once.
/// </summary>
public sealed class ThresholdCurve
{
    private readonly double[] _thresholds;
    private readonly int[] _truePositives;
    private readonly int[] _falsePositives;

    private ThresholdCurve(double[] thresholds, int[] truePositives, int[] falsePositives)
    {
        _thresholds = thresholds;
        _truePositives = truePositives;
        _falsePositives = falsePositives;
    }

    /// <summary>Distinct scores, decreasing.</summary>
    public ReadOnlySpan<double> Thresholds => _thresholds;

    /// <summary>Positive rows with score ≥ the threshold at the same index (increasing).</summary>
    public ReadOnlySpan<int> TruePositives => _truePositives;

    /// <summary>Negative rows with score ≥ the threshold at the same index (increasing).</summary>
    public ReadOnlySpan<int> FalsePositives => _falsePositives;

    /// <summary>Number of distinct scores.</summary>
    public int Count => _thresholds.Length;

    /// <summary>Rows whose label is positive.</summary>
    public int Positives => _truePositives[^1];

    /// <summary>Rows whose label is negative.</summary>
    public int Negatives => _falsePositives[^1];

    /// <summary>All rows.</summary>
    public int Rows => Positives + Negatives;

    /// <summary>Lowest and highest score.</summary>
    public double MinScore => _thresholds[^1];

    /// <inheritdoc cref="MinScore"/>
    public double MaxScore => _thresholds[0];

    /// <summary>How many positive and negative rows hold exactly the score at index <paramref name="index"/>.</summary>
    internal (int Positives, int Negatives) CountsAt(int index) => index == 0
        ? (_truePositives[0], _falsePositives[0])
        : (_truePositives[index] - _truePositives[index - 1], _falsePositives[index] - _falsePositives[index - 1]);

    /// <summary>
    /// The confusion matrix when rows with score ≥ <paramref name="threshold"/> are predicted positive:
    /// the counts at the lowest distinct score that is still ≥ the threshold.
    /// </summary>
    public ConfusionCounts ConfusionAt(double threshold)
    {
        // Thresholds decrease: find how many of them are ≥ threshold.
        int low = 0, high = _thresholds.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (_thresholds[mid] >= threshold)
                low = mid + 1;
            else
                high = mid;
        }

        var tp = low == 0 ? 0 : _truePositives[low - 1];
        var fp = low == 0 ? 0 : _falsePositives[low - 1];
        return new ConfusionCounts(tp, fp, Negatives - fp, Positives - tp);
    }

    /// <summary>
    /// Sorts the rows by score (radix sort of positives and negatives separately, in parallel for large
    /// inputs) and counts positives and negatives at each distinct score.
    /// </summary>
    /// <exception cref="EvaluationInputException">Lengths differ, there are no rows, or a score is NaN or infinite.</exception>
    public static ThresholdCurve Compute(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores)
    {
        if (labels.Length != scores.Length)
            throw new EvaluationInputException($"labels and scores differ in length: {labels.Length} labels, {scores.Length} scores");
        if (labels.Length == 0)
            throw new EvaluationInputException("there are no rows to evaluate");

        // Positives fill the buffer from the front, negatives from the back: one buffer, two runs to sort.
        var keys = new ulong[labels.Length];
        int positives = 0, back = keys.Length;
        for (var i = 0; i < labels.Length; i++)
        {
            var score = scores[i];
            if (!double.IsFinite(score))
                throw new EvaluationInputException($"score at row {i + 1} is {(double.IsNaN(score) ? "NaN" : "infinite")}; every score must be a finite number");
            var key = SortableKeys.FromDouble(score);
            if (labels[i])
                keys[positives++] = key;
            else
                keys[--back] = key;
        }

        SortRuns(keys, positives);
        return Merge(keys, positives);
    }

    private const int ParallelThreshold = 100_000;

    private static void SortRuns(ulong[] keys, int positives)
    {
        var scratch = new ulong[keys.Length];
        if (keys.Length < ParallelThreshold)
        {
            RadixSort.Sort(keys.AsSpan(0, positives), scratch.AsSpan(0, positives));
            RadixSort.Sort(keys.AsSpan(positives), scratch.AsSpan(positives));
            return;
        }

        Parallel.Invoke(
            () => RadixSort.Sort(keys.AsSpan(0, positives), scratch.AsSpan(0, positives)),
            () => RadixSort.Sort(keys.AsSpan(positives), scratch.AsSpan(positives)));
    }

    /// <summary>Walks both sorted runs from the top, one step per distinct score.</summary>
    private static ThresholdCurve Merge(ulong[] keys, int positives)
    {
        var distinct = Walk(keys, positives, null, null, null);
        var thresholds = new double[distinct];
        var tps = new int[distinct];
        var fps = new int[distinct];
        Walk(keys, positives, thresholds, tps, fps);
        return new ThresholdCurve(thresholds, tps, fps);
    }

    private static int Walk(ulong[] keys, int positives, double[]? thresholds, int[]? tps, int[]? fps)
    {
        int p = positives - 1, n = keys.Length - 1, tp = 0, fp = 0, step = 0;
        while (p >= 0 || n >= positives)
        {
            var key = p < 0 ? keys[n] : n < positives ? keys[p] : Math.Max(keys[p], keys[n]);
            while (p >= 0 && keys[p] == key)
            {
                tp++;
                p--;
            }

            while (n >= positives && keys[n] == key)
            {
                fp++;
                n--;
            }

            if (thresholds is not null)
            {
                thresholds[step] = SortableKeys.ToDouble(key);
                tps![step] = tp;
                fps![step] = fp;
            }

            step++;
        }

        return step;
    }
}
