using Steward.Stats.Drift.Categorical;
using Steward.Stats.Drift.Numeric;
using Steward.Stats.Sorting;

namespace Steward.Stats.Drift;

/// <summary>
/// Drift between a reference and a current sample, column by column, and for the data set as a
/// whole. Columns are compared in parallel; each numeric column is sorted once (radix sort) and
/// every numeric measure is read off the two sorted samples.
/// </summary>
public static class DriftAudit
{
    /// <summary>
    /// Compares every column and decides drift. Missing values (NULL, NaN, ±∞) are left out and
    /// counted. A column with no values in one sample is reported in <see cref="DriftReport.Skipped"/>.
    /// Bad options or duplicate column names throw <see cref="ArgumentException"/>.
    /// </summary>
    public static DriftReport Run(IReadOnlyList<DriftColumn> columns, DriftOptions? options = null, IReadOnlyList<SkippedColumn>? skipped = null)
    {
        ArgumentNullException.ThrowIfNull(columns);
        options ??= new DriftOptions();
        options.Validate();
        var duplicate = columns.GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"column '{duplicate.Key}' is given twice");

        var outcomes = new object[columns.Count];
        var longest = columns.Count == 0 ? 0 : columns.Max(c => Math.Max(ReferenceLength(c), CurrentLength(c)));
        // One worker per core, each with its own sort buffers (three arrays of the longest column).
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.For(0, columns.Count, parallel, () => new SortBuffers(longest), (index, _, buffers) =>
        {
            outcomes[index] = Compare(columns[index], options, buffers);
            return buffers;
        }, _ => { });

        var compared = outcomes.OfType<ColumnDrift>().ToArray();
        var skippedHere = outcomes.OfType<SkippedColumn>();
        var drifted = compared.Count(c => c.Drifted);
        double? share = compared.Length == 0 ? null : (double)drifted / compared.Length;
        return new DriftReport
        {
            ReferenceRows = columns.Count == 0 ? 0 : columns.Max(ReferenceLength),
            CurrentRows = columns.Count == 0 ? 0 : columns.Max(CurrentLength),
            Columns = compared,
            Skipped = [.. skipped ?? [], .. skippedHere],
            DriftedColumns = drifted,
            DriftedShare = share,
            DriftShareThreshold = options.DriftShare,
            DatasetDrift = share >= options.DriftShare,
            Bins = options.Bins,
        };
    }

    private static int ReferenceLength(DriftColumn c) => c.ReferenceNumbers?.Length ?? c.ReferenceText!.Length;

    private static int CurrentLength(DriftColumn c) => c.CurrentNumbers?.Length ?? c.CurrentText!.Length;

    /// <summary>A <see cref="ColumnDrift"/>, or a <see cref="SkippedColumn"/> when one sample has no values.</summary>
    private static object Compare(DriftColumn column, DriftOptions options, SortBuffers buffers)
    {
        if (column.ReferenceText is { } referenceText)
        {
            var counts = CategoryCounts.FromText(referenceText, column.CurrentText!);
            return CompareCategories(column.Name, counts, referenceText.Length, column.CurrentText!.Length, options);
        }

        var referenceRows = column.ReferenceNumbers!.Length;
        var currentRows = column.CurrentNumbers!.Length;
        var referenceCount = RadixSort.SortFinite(column.ReferenceNumbers, buffers.Reference, buffers.Scratch);
        var currentCount = RadixSort.SortFinite(column.CurrentNumbers, buffers.Current, buffers.Scratch);
        var reference = buffers.Reference.AsSpan(0, referenceCount);
        var current = buffers.Current.AsSpan(0, currentCount);
        if (column.Categorical || CategoryCounts.DistinctAtMost(reference, current, options.CategoricalMaxDistinct))
            return CompareCategories(column.Name, CategoryCounts.FromSorted(reference, current), referenceRows, currentRows, options);
        if (Empty(column.Name, referenceCount, currentCount) is { } skipped)
            return skipped;
        buffers.Reference[referenceCount] = double.PositiveInfinity; // ends the sample for the merge pass
        buffers.Current[currentCount] = double.PositiveInfinity;
        return NumericDrift.Compare(column.Name, buffers.Reference.AsSpan(0, referenceCount + 1), buffers.Current.AsSpan(0, currentCount + 1),
            new SampleSummary(referenceCount, referenceRows - referenceCount, reference[0], reference[^1]),
            new SampleSummary(currentCount, currentRows - currentCount, current[0], current[^1]), options);
    }

    private static object CompareCategories(string name, CategoryCounts counts, long referenceRows, long currentRows, DriftOptions options)
    {
        if (Empty(name, counts.ReferenceTotal, counts.CurrentTotal) is { } skipped)
            return skipped;
        return CategoricalDrift.Compare(name, counts.Labels, counts.Reference, counts.Current,
            new SampleSummary(counts.ReferenceTotal, referenceRows - counts.ReferenceTotal),
            new SampleSummary(counts.CurrentTotal, currentRows - counts.CurrentTotal), options);
    }

    private static SkippedColumn? Empty(string name, long reference, long current) => (reference, current) switch
    {
        (0, 0) => new SkippedColumn(name, "no values in either sample"),
        (0, _) => new SkippedColumn(name, "no values in the reference sample"),
        (_, 0) => new SkippedColumn(name, "no values in the current sample"),
        _ => null,
    };

    /// <summary>
    /// Per-thread buffers for sorting, reused across columns and allocated on the first numeric
    /// column (a text-only audit needs none); one extra slot for the end marker.
    /// </summary>
    private sealed class SortBuffers(int length)
    {
        private double[]? _reference, _current, _scratch;

        public double[] Reference => _reference ??= GC.AllocateUninitializedArray<double>(length + 1);

        public double[] Current => _current ??= GC.AllocateUninitializedArray<double>(length + 1);

        public double[] Scratch => _scratch ??= GC.AllocateUninitializedArray<double>(length + 1);
    }
}
