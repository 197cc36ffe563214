namespace Steward.Stats.Evaluation;

/// <summary>
/// One non-empty bin of a calibration curve: the rows whose score falls in
/// (<see cref="Lower"/>, <see cref="Upper"/>] (the first bin includes its lower edge).
/// </summary>
/// <param name="MeanPredicted">Mean score in the bin (scikit-learn's <c>prob_pred</c>).</param>
/// <param name="FractionPositive">Share of positive rows in the bin (scikit-learn's <c>prob_true</c>).</param>
/// <param name="Count">Rows in the bin.</param>
/// <param name="Lower">The bin's lower edge.</param>
/// <param name="Upper">The bin's upper edge.</param>
public readonly record struct CalibrationBin(double MeanPredicted, double FractionPositive, long Count, double Lower, double Upper);

/// <summary>
/// scikit-learn 1.2's <c>calibration_curve</c>: the same bin edges (<c>np.linspace(0, 1, n + 1)</c>, or
/// <c>np.percentile</c> of the scores with linear interpolation), the same assignment of a score equal
/// to an inner edge to the lower bin (<c>np.searchsorted</c>), and empty bins dropped.
/// </summary>
public static class CalibrationCurve
{
    /// <summary>
    /// The non-empty bins in increasing score order, or null when a score lies outside [0, 1]
    /// (scikit-learn raises: such scores are not probabilities).
    /// </summary>
    /// <exception cref="EvaluationInputException"><paramref name="bins"/> is less than 1.</exception>
    public static IReadOnlyList<CalibrationBin>? Bins(ThresholdCurve curve, int bins, CalibrationStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(curve);
        if (bins < 1)
            throw new EvaluationInputException($"the calibration curve needs at least 1 bin, not {bins}");
        if (!ProbabilityLosses.ScoresAreProbabilities(curve))
            return null;

        var edges = strategy == CalibrationStrategy.Quantile ? QuantileEdges(curve, bins) : UniformEdges(bins);
        var sums = new CompensatedSum[bins];
        var positives = new long[bins];
        var totals = new long[bins];
        var thresholds = curve.Thresholds;
        var tps = curve.TruePositives;
        var fps = curve.FalsePositives;
        int previousTp = 0, previousFp = 0;
        for (var i = 0; i < thresholds.Length; i++)
        {
            var score = thresholds[i];
            var bin = InnerEdgesBelow(edges, score);
            int p = tps[i] - previousTp, rows = tps[i] + fps[i] - previousTp - previousFp;
            (previousTp, previousFp) = (tps[i], fps[i]);
            sums[bin].Add(score * rows);
            positives[bin] += p;
            totals[bin] += rows;
        }

        var result = new List<CalibrationBin>(bins);
        for (var b = 0; b < bins; b++)
        {
            if (totals[b] != 0)
                result.Add(new CalibrationBin(sums[b].Value / totals[b], (double)positives[b] / totals[b], totals[b], edges[b], edges[b + 1]));
        }

        return result;
    }

    /// <summary><c>np.linspace(0, 1, bins + 1)</c>: i × (1 / bins), the last edge exactly 1.</summary>
    internal static double[] UniformEdges(int bins)
    {
        var step = 1.0 / bins;
        var edges = new double[bins + 1];
        for (var i = 0; i < bins; i++)
            edges[i] = i * step;
        edges[bins] = 1.0;
        return edges;
    }

    /// <summary><c>np.percentile(scores, np.linspace(0, 1, bins + 1) * 100)</c>.</summary>
    internal static double[] QuantileEdges(ThresholdCurve curve, int bins)
    {
        var levels = UniformEdges(bins);
        var edges = new double[bins + 1];
        for (var i = 0; i <= bins; i++)
            edges[i] = Percentile(curve, levels[i] * 100);
        return edges;
    }

    /// <summary>
    /// NumPy's default ("linear") percentile, including its two-sided interpolation formula. Not MathNet's:
    /// the sorted scores are never materialised, only read off the curve.
    /// </summary>
    internal static double Percentile(ThresholdCurve curve, double percent)
    {
        var n = curve.Rows;
        var virtualIndex = (n - 1) * (percent / 100);
        if (virtualIndex >= n - 1)
            return SortedValue(curve, n - 1);

        var previous = Math.Floor(virtualIndex);
        var a = SortedValue(curve, (int)previous);
        var b = SortedValue(curve, (int)previous + 1);
        var gamma = virtualIndex - previous;
        var difference = b - a;
        return gamma >= 0.5 ? b - difference * (1 - gamma) : a + difference * gamma;
    }

    /// <summary>The score at <paramref name="index"/> (0-based) of all scores sorted increasing.</summary>
    private static double SortedValue(ThresholdCurve curve, int index)
    {
        // Rows scoring ≥ Thresholds[j] are TP[j] + FP[j]; the value sits at the first j where that reaches n − index.
        var wanted = curve.Rows - index;
        var tps = curve.TruePositives;
        var fps = curve.FalsePositives;
        int low = 0, high = curve.Count - 1;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (tps[mid] + fps[mid] >= wanted)
                high = mid;
            else
                low = mid + 1;
        }

        return curve.Thresholds[low];
    }

    /// <summary>How many inner edges (all but the first and last) are strictly below the score: its bin.</summary>
    private static int InnerEdgesBelow(double[] edges, double score)
    {
        int low = 1, high = edges.Length - 1;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (edges[mid] < score)
                low = mid + 1;
            else
                high = mid;
        }

        return low - 1;
    }
}
