using System.Buffers;
using System.Runtime.InteropServices;
using Steward.Stats.Classification;
using Steward.Stats.Sorting;

namespace Steward.Stats.Evaluation;

/// <summary>
/// True and false positives at every distinct score, highest score first: at index <c>i</c>, the rows
/// with score ≥ <see cref="Thresholds"/>[i] predicted positive. This is scikit-learn's
/// <c>_binary_clf_curve</c>; the ROC and precision-recall curves, their areas, the calibration curve and
/// the probability losses are all computed from it, so the rows are sorted once.
/// </summary>
/// <remarks>
/// The curve lives in buffers rented from <see cref="ArrayPool{T}.Shared"/> (they are as large as the
/// input, and a server evaluating repeatedly would otherwise fault in fresh memory each time).
/// <see cref="Dispose"/> returns them; a curve that is never disposed is simply collected.
/// </remarks>
public sealed class ThresholdCurve : IDisposable
{
    private ulong[]? _thresholdBits;
    private int[]? _truePositives;
    private int[]? _falsePositives;

    private ThresholdCurve(ulong[] thresholdBits, int[] truePositives, int[] falsePositives, int count)
    {
        _thresholdBits = thresholdBits;
        _truePositives = truePositives;
        _falsePositives = falsePositives;
        Count = count;
    }

    /// <summary>Distinct scores, decreasing.</summary>
    public ReadOnlySpan<double> Thresholds => MemoryMarshal.Cast<ulong, double>(Live(_thresholdBits).AsSpan(0, Count));

    /// <summary>Positive rows with score ≥ the threshold at the same index (increasing).</summary>
    public ReadOnlySpan<int> TruePositives => Live(_truePositives).AsSpan(0, Count);

    /// <summary>Negative rows with score ≥ the threshold at the same index (increasing).</summary>
    public ReadOnlySpan<int> FalsePositives => Live(_falsePositives).AsSpan(0, Count);

    /// <summary>Number of distinct scores.</summary>
    public int Count { get; }

    /// <summary>Rows whose label is positive.</summary>
    public int Positives => TruePositives[^1];

    /// <summary>Rows whose label is negative.</summary>
    public int Negatives => FalsePositives[^1];

    /// <summary>All rows.</summary>
    public int Rows => Positives + Negatives;

    /// <summary>Lowest and highest score.</summary>
    public double MinScore => Thresholds[^1];

    /// <inheritdoc cref="MinScore"/>
    public double MaxScore => Thresholds[0];

    /// <summary>
    /// The confusion matrix when rows with score ≥ <paramref name="threshold"/> are predicted positive:
    /// the counts at the lowest distinct score that is still ≥ the threshold.
    /// </summary>
    public ConfusionCounts ConfusionAt(double threshold)
    {
        var thresholds = Thresholds;
        // Thresholds decrease: find how many of them are ≥ threshold.
        int low = 0, high = thresholds.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (thresholds[mid] >= threshold)
                low = mid + 1;
            else
                high = mid;
        }

        var tp = low == 0 ? 0 : TruePositives[low - 1];
        var fp = low == 0 ? 0 : FalsePositives[low - 1];
        return new ConfusionCounts(tp, fp, Negatives - fp, Positives - tp);
    }

    /// <summary>
    /// Sorts the rows by score (radix sort of positives and negatives as separate runs, in parallel for
    /// large inputs) and counts positives and negatives at each distinct score.
    /// </summary>
    /// <exception cref="EvaluationInputException">Lengths differ, there are no rows, or a score is NaN or infinite.</exception>
    public static ThresholdCurve Compute(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores)
    {
        if (labels.Length != scores.Length)
            throw new EvaluationInputException($"labels and scores differ in length: {labels.Length} labels, {scores.Length} scores");
        if (labels.Length == 0)
            throw new EvaluationInputException("there are no rows to evaluate");

        var rows = labels.Length;
        var keys = ArrayPool<ulong>.Shared.Rent(rows);
        var scratch = ArrayPool<ulong>.Shared.Rent(rows);
        int[]? tps = null, fps = null;
        try
        {
            var positives = Partition(labels, scores, keys.AsSpan(0, rows));
            var runs = SortedRuns.Sort(keys, scratch, rows, positives);
            // The sort is done with its scratch buffer: the thresholds are written there.
            tps = ArrayPool<int>.Shared.Rent(rows);
            fps = ArrayPool<int>.Shared.Rent(rows);
            var count = Walk(keys.AsSpan(0, rows), runs, scratch, tps, fps);
            return new ThresholdCurve(scratch, tps, fps, count);
        }
        catch
        {
            ArrayPool<ulong>.Shared.Return(scratch);
            if (tps is not null)
                ArrayPool<int>.Shared.Return(tps);
            if (fps is not null)
                ArrayPool<int>.Shared.Return(fps);
            throw;
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(keys);
        }
    }

    /// <summary>Returns the curve's buffers to the pool; the curve cannot be read afterwards.</summary>
    public void Dispose()
    {
        if (_thresholdBits is null)
            return;
        ArrayPool<ulong>.Shared.Return(_thresholdBits);
        ArrayPool<int>.Shared.Return(_truePositives!);
        ArrayPool<int>.Shared.Return(_falsePositives!);
        _thresholdBits = null;
        _truePositives = null;
        _falsePositives = null;
    }

    private static T[] Live<T>(T[]? buffer) => buffer ?? throw new ObjectDisposedException(nameof(ThresholdCurve));

    /// <summary>Writes positives' keys from the front of <paramref name="keys"/> and negatives' from the back; returns the number of positives.</summary>
    private static int Partition(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, Span<ulong> keys)
    {
        int positives = 0, back = keys.Length;
        for (var i = 0; i < labels.Length; i++)
        {
            var score = scores[i];
            if (!double.IsFinite(score))
                throw new EvaluationInputException($"score at row {i + 1} is {(double.IsNaN(score) ? "NaN" : "infinite")}; every score must be a finite number");
            var key = RadixSort.ToKey(score);
            if (labels[i])
                keys[positives++] = key;
            else
                keys[--back] = key;
        }

        return positives;
    }

    /// <summary>
    /// Walks the sorted runs from the top, one step per distinct score, writing each score's bits and the
    /// cumulative counts; returns the number of distinct scores.
    /// </summary>
    private static int Walk(ReadOnlySpan<ulong> keys, SortedRuns.Run[] runs, ulong[] thresholdBits, int[] tps, int[] fps)
    {
        // Each run is read from its end down to its start; current[r] is its next unread key, or 0 once it
        // is used up (no finite score has key 0, so 0 never wins the maximum).
        var count = runs.Length;
        Span<int> heads = stackalloc int[count];
        Span<ulong> current = stackalloc ulong[count];
        for (var r = 0; r < count; r++)
        {
            heads[r] = runs[r].End - 1;
            current[r] = runs[r].End > runs[r].Start ? keys[heads[r]] : 0;
        }

        int tp = 0, fp = 0, step = 0;
        while (true)
        {
            var key = current[0];
            for (var r = 1; r < count; r++)
                key = Math.Max(key, current[r]);
            if (key == 0)
                return step;

            for (var r = 0; r < count; r++)
            {
                if (current[r] != key)
                    continue;
                var head = heads[r];
                var start = runs[r].Start;
                var taken = 0;
                do
                {
                    head--;
                    taken++;
                }
                while (head >= start && keys[head] == key);

                if (runs[r].Positive)
                    tp += taken;
                else
                    fp += taken;
                heads[r] = head;
                current[r] = head >= start ? keys[head] : 0;
            }

            thresholdBits[step] = RadixSort.FromKey(key);
            tps[step] = tp;
            fps[step] = fp;
            step++;
        }
    }
}
