using System.Buffers;

/// <summary>The metrics of one naive evaluation, for comparison.</summary>
internal readonly record struct NaiveResult(double RocAuc, double AveragePrecision, double LogLoss, double BrierScore, double F1, int DistinctScores);

/// <summary>
/// The straightforward way: copy, Array.Sort the scores with their labels, walk them from the top.
/// Computes what the engine computes (threshold metrics, AUC, AP, log loss, Brier, ROC and PR curves,
/// uniform calibration) on one thread, so the ratio of the two timings is the engine's gain.
/// </summary>
internal static class NaiveBinaryEvaluation
{
    public static NaiveResult Evaluate(bool[] labels, double[] scores, double threshold, int bins)
    {
        // Copies in pooled buffers, as the engine's sort buffers are, so neither pays for fresh memory.
        var sortedScores = ArrayPool<double>.Shared.Rent(scores.Length);
        var sortedLabels = ArrayPool<bool>.Shared.Rent(labels.Length);
        scores.CopyTo(sortedScores, 0);
        labels.CopyTo(sortedLabels, 0);
        Array.Sort(sortedScores, sortedLabels, 0, scores.Length);

        int positives = 0, negatives = 0;
        foreach (var label in labels)
        {
            if (label) positives++;
            else negatives++;
        }

        // Walk from the highest score down, one step per distinct score.
        var roc = new List<(double Fpr, double Tpr)> { (0, 0) };
        var pr = new List<(double Precision, double Recall)>();
        int tp = 0, fp = 0, distinct = 0;
        double area = 0, averagePrecision = 0, previousRecall = 0;
        for (var i = scores.Length - 1; i >= 0;)
        {
            var score = sortedScores[i];
            int previousTp = tp, previousFp = fp;
            for (; i >= 0 && sortedScores[i] == score; i--)
            {
                if (sortedLabels[i]) tp++;
                else fp++;
            }

            distinct++;
            area += (fp - previousFp) * (double)(tp + previousTp) / 2;
            var recall = (double)tp / positives;
            var precision = (double)tp / (tp + fp);
            averagePrecision += (recall - previousRecall) * precision;
            previousRecall = recall;
            roc.Add(((double)fp / negatives, (double)tp / positives));
            pr.Add((precision, recall));
        }

        double logLoss = 0, brier = 0;
        int predictedTp = 0, predictedFp = 0;
        var binSums = new double[bins];
        var binPositives = new int[bins];
        var binCounts = new int[bins];
        for (var i = 0; i < scores.Length; i++)
        {
            var p = Math.Clamp(scores[i], 2.220446049250313e-16, 1 - 2.220446049250313e-16);
            logLoss -= labels[i] ? Math.Log(p) : Math.Log(1 - p);
            var y = labels[i] ? 1.0 : 0.0;
            brier += (y - scores[i]) * (y - scores[i]);
            if (scores[i] >= threshold)
            {
                if (labels[i]) predictedTp++;
                else predictedFp++;
            }

            var bin = Math.Min((int)(scores[i] * bins), bins - 1);
            binSums[bin] += scores[i];
            binCounts[bin]++;
            if (labels[i]) binPositives[bin]++;
        }

        var thresholdPrecision = predictedTp + predictedFp == 0 ? 0 : (double)predictedTp / (predictedTp + predictedFp);
        var thresholdRecall = (double)predictedTp / positives;
        var f1 = thresholdPrecision + thresholdRecall == 0 ? 0 : 2 * thresholdPrecision * thresholdRecall / (thresholdPrecision + thresholdRecall);
        ArrayPool<double>.Shared.Return(sortedScores);
        ArrayPool<bool>.Shared.Return(sortedLabels);
        GC.KeepAlive(roc);
        GC.KeepAlive(pr);
        return new NaiveResult(area / ((double)positives * negatives), averagePrecision, logLoss / scores.Length, brier / scores.Length, f1, distinct);
    }
}
