using Steward.Stats.Sorting;

namespace Steward.Stats.Evaluation;

/// <summary>
/// Sorts the keys of positive rows (the front of the buffer) and of negative rows (the back) as several
/// independent runs, so that every core sorts about as many keys whatever the class balance.
/// The runs are then merged by <see cref="ThresholdCurve"/> while it counts.
/// </summary>
internal static class SortedRuns
{
    /// <summary>A sorted range [Start, End) of the buffer, all positive or all negative rows.</summary>
    public readonly record struct Run(int Start, int End, bool Positive);

    private const int ParallelThreshold = 100_000;

    public static Run[] Sort(ulong[] keys, ulong[] scratch, int length, int positives)
    {
        var pieces = length < ParallelThreshold ? 2 : 2 * Environment.ProcessorCount;
        var runs = new List<Run>(pieces + 2);
        Split(runs, 0, positives, ChunksFor(positives, length, pieces), positive: true);
        Split(runs, positives, length, ChunksFor(length - positives, length, pieces), positive: false);
        var result = runs.ToArray();

        if (length < ParallelThreshold)
        {
            foreach (var run in result)
                SortRun(keys, scratch, run);
        }
        else
        {
            Parallel.ForEach(result, run => SortRun(keys, scratch, run));
        }

        return result;
    }

    private static void SortRun(ulong[] keys, ulong[] scratch, Run run) =>
        RadixSort.Sort(keys.AsSpan(run.Start, run.End - run.Start), scratch.AsSpan(run.Start, run.End - run.Start));

    private static int ChunksFor(int rows, int total, int pieces) =>
        rows == 0 ? 0 : Math.Max(1, (int)Math.Round((double)pieces * rows / total));

    private static void Split(List<Run> runs, int start, int end, int chunks, bool positive)
    {
        for (var c = 0; c < chunks; c++)
        {
            var from = start + (int)((long)(end - start) * c / chunks);
            var to = start + (int)((long)(end - start) * (c + 1) / chunks);
            if (to > from)
                runs.Add(new Run(from, to, positive));
        }
    }
}
