namespace Steward.Stats.Evaluation;

/// <summary>
/// Losses that read scores as probabilities of the positive class, as scikit-learn 1.2 computes them.
/// Both are null when a score lies outside [0, 1]: such scores are not probabilities
/// (scikit-learn's <c>brier_score_loss</c> raises there; its <c>log_loss</c> would silently clip).
/// </summary>
public static class ProbabilityLosses
{
    /// <summary>
    /// The clipping bound of <c>log_loss</c> in scikit-learn 1.2 (<c>eps="auto"</c>): the machine epsilon of
    /// double, 2⁻⁵². Releases before 1.2 clipped at 1e-15.
    /// </summary>
    public const double LogLossEpsilon = 2.220446049250313e-16;

    /// <summary>True when every score lies in [0, 1].</summary>
    public static bool ScoresAreProbabilities(ThresholdCurve curve)
    {
        ArgumentNullException.ThrowIfNull(curve);
        return curve.MinScore >= 0 && curve.MaxScore <= 1;
    }

    /// <summary>
    /// Mean negative log-likelihood. Each score p is clipped to [ε, 1 − ε] and, as scikit-learn does,
    /// the pair (1 − p, p) renormalized before taking the logarithm. Defined with a single class too
    /// (scikit-learn needs <c>labels=[0, 1]</c> for that).
    /// </summary>
    public static double? LogLoss(ThresholdCurve curve)
    {
        if (!ScoresAreProbabilities(curve))
            return null;

        var thresholds = curve.Thresholds;
        var tps = curve.TruePositives;
        var fps = curve.FalsePositives;
        var sum = new CompensatedSum();
        int previousTp = 0, previousFp = 0;
        for (var i = 0; i < thresholds.Length; i++)
        {
            int positives = tps[i] - previousTp, negatives = fps[i] - previousFp;
            (previousTp, previousFp) = (tps[i], fps[i]);
            var p = Math.Clamp(thresholds[i], LogLossEpsilon, 1 - LogLossEpsilon);
            var q = 1 - p;
            var total = q + p;
            if (positives > 0)
                sum.Add(-Math.Log(p / total) * positives);
            if (negatives > 0)
                sum.Add(-Math.Log(q / total) * negatives);
        }

        return sum.Value / curve.Rows;
    }

    /// <summary>Mean squared difference between the score and the label (1 positive, 0 negative).</summary>
    public static double? BrierScore(ThresholdCurve curve)
    {
        if (!ScoresAreProbabilities(curve))
            return null;

        var thresholds = curve.Thresholds;
        var tps = curve.TruePositives;
        var fps = curve.FalsePositives;
        var sum = new CompensatedSum();
        int previousTp = 0, previousFp = 0;
        for (var i = 0; i < thresholds.Length; i++)
        {
            int positives = tps[i] - previousTp, negatives = fps[i] - previousFp;
            (previousTp, previousFp) = (tps[i], fps[i]);
            var score = thresholds[i];
            sum.Add((1 - score) * (1 - score) * positives);
            sum.Add(score * score * negatives);
        }

        return sum.Value / curve.Rows;
    }
}
