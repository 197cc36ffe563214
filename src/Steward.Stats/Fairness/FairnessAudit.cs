using System.Globalization;
using Steward.Stats.Classification;

namespace Steward.Stats.Fairness;

/// <summary>
/// Runs a fairness audit: from a contingency table (counted by SQL or in memory) or from in-memory
/// columns, to a <see cref="FairnessReport"/>. Bad input is an <see cref="ArgumentException"/> whose
/// message names the problem.
/// </summary>
public static class FairnessAudit
{
    // The usual rule of thumb below which a proportion's normal approximation, and a reader's trust in it, fail.
    private const int SmallGroup = 30;

    /// <summary>Audits in-memory columns: the sensitive features, labels and predictions of each row (true = positive).</summary>
    public static FairnessReport Run(IReadOnlyList<SensitiveColumn> sensitive, ReadOnlyMemory<bool> labels, ReadOnlyMemory<bool> predictions,
        FairnessOptions? options = null, FairnessSource? source = null) =>
        Run(GroupCodes.Encode(sensitive), labels, predictions, options, source);

    /// <summary>Audits rows whose groups are already coded.</summary>
    public static FairnessReport Run(GroupCodes groups, ReadOnlyMemory<bool> labels, ReadOnlyMemory<bool> predictions,
        FairnessOptions? options = null, FairnessSource? source = null)
    {
        ArgumentNullException.ThrowIfNull(groups);
        return Run(groups.CountTable(labels, predictions), options, source);
    }

    /// <summary>Audits a contingency table.</summary>
    public static FairnessReport Run(FairnessTable table, FairnessOptions? options = null, FairnessSource? source = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        options ??= new FairnessOptions();
        Validate(options);

        var features = table.SensitiveFeatures;
        var counts = table.Groups.Select(g => g.Counts).ToArray();
        var keys = table.Groups.Select(g => Key(features, g.Values)).ToArray();
        var reference = ReferenceIndex(table, options.ReferenceGroup);

        var statistics = new FairnessStatistics(counts.Length, options.Method, reference);
        var values = new double[statistics.Length];
        statistics.Compute(counts, values);
        var intervals = options.Bootstrap is null ? null : FairnessBootstrap.Run(counts, statistics, options.Bootstrap);

        var groups = new GroupResult[counts.Length];
        for (var g = 0; g < groups.Length; g++)
        {
            var rates = GroupRates.From(counts[g]);
            groups[g] = new GroupResult
            {
                Group = keys[g],
                Count = rates.Count,
                TruePositives = rates.TruePositives,
                FalsePositives = rates.FalsePositives,
                TrueNegatives = rates.TrueNegatives,
                FalseNegatives = rates.FalseNegatives,
                SelectionRate = rates.SelectionRate,
                TruePositiveRate = rates.TruePositiveRate,
                FalsePositiveRate = rates.FalsePositiveRate,
                FalseNegativeRate = rates.FalseNegativeRate,
                TrueNegativeRate = rates.TrueNegativeRate,
                Precision = rates.Precision,
                Accuracy = rates.Accuracy,
                Intervals = intervals is null ? null : RateIntervalsOf(intervals, g * ClassificationRates.IndexedCount),
            };
        }

        return new FairnessReport
        {
            Groups = groups,
            Disparities = DisparitiesOf(statistics, values, intervals, keys, reference, options),
            Overall = GroupRates.From(table.Overall),
            Settings = new FairnessSettings
            {
                SensitiveFeatures = features,
                Method = options.Method,
                ReferenceGroup = options.ReferenceGroup is null ? null : Key(features, options.ReferenceGroup),
                DisparateImpactThreshold = options.DisparateImpactThreshold,
                Bootstrap = options.Bootstrap,
            },
            Source = source,
            Notes = Notes(table, reference, values[statistics.ImpactOffset + reference]),
        };
    }

    private static Disparities DisparitiesOf(FairnessStatistics statistics, double[] values, ConfidenceInterval?[]? intervals,
        IReadOnlyDictionary<string, string?>[] keys, int reference, FairnessOptions options)
    {
        double? Value(FairnessStatistics.Disparity d) => GroupRates.Defined(values[statistics.DisparityOffset + (int)d]);
        ConfidenceInterval? Interval(FairnessStatistics.Disparity d) => intervals![statistics.DisparityOffset + (int)d];

        var threshold = options.DisparateImpactThreshold;
        var impacts = new GroupImpact[keys.Length];
        for (var g = 0; g < keys.Length; g++)
        {
            var ratio = GroupRates.Defined(values[statistics.ImpactOffset + g]);
            impacts[g] = new GroupImpact
            {
                Group = keys[g],
                Ratio = ratio,
                BelowThreshold = ratio is null ? null : ratio < threshold,
                Interval = intervals?[statistics.ImpactOffset + g],
            };
        }
        var minimum = Value(FairnessStatistics.Disparity.DisparateImpactMinimumRatio);

        return new Disparities
        {
            DemographicParityDifference = Value(FairnessStatistics.Disparity.DemographicParityDifference),
            DemographicParityRatio = Value(FairnessStatistics.Disparity.DemographicParityRatio),
            EqualizedOddsDifference = Value(FairnessStatistics.Disparity.EqualizedOddsDifference),
            EqualizedOddsRatio = Value(FairnessStatistics.Disparity.EqualizedOddsRatio),
            EqualOpportunityDifference = Value(FairnessStatistics.Disparity.EqualOpportunityDifference),
            EqualOpportunityRatio = Value(FairnessStatistics.Disparity.EqualOpportunityRatio),
            DisparateImpact = new DisparateImpact
            {
                ReferenceGroup = keys[reference],
                ReferenceChosenBy = options.ReferenceGroup is null ? ReferenceGroupChoice.HighestSelectionRate : ReferenceGroupChoice.Given,
                Threshold = threshold,
                MinimumRatio = minimum,
                PassesFourFifthsRule = minimum is null ? null : minimum >= threshold,
                Groups = impacts,
            },
            Intervals = intervals is null ? null : new DisparityIntervals
            {
                DemographicParityDifference = Interval(FairnessStatistics.Disparity.DemographicParityDifference),
                DemographicParityRatio = Interval(FairnessStatistics.Disparity.DemographicParityRatio),
                EqualizedOddsDifference = Interval(FairnessStatistics.Disparity.EqualizedOddsDifference),
                EqualizedOddsRatio = Interval(FairnessStatistics.Disparity.EqualizedOddsRatio),
                EqualOpportunityDifference = Interval(FairnessStatistics.Disparity.EqualOpportunityDifference),
                EqualOpportunityRatio = Interval(FairnessStatistics.Disparity.EqualOpportunityRatio),
                DisparateImpactMinimumRatio = Interval(FairnessStatistics.Disparity.DisparateImpactMinimumRatio),
            },
        };
    }

    private static RateIntervals RateIntervalsOf(ConfidenceInterval?[] intervals, int offset) => new()
    {
        SelectionRate = intervals[offset],
        TruePositiveRate = intervals[offset + 1],
        FalsePositiveRate = intervals[offset + 2],
        FalseNegativeRate = intervals[offset + 3],
        TrueNegativeRate = intervals[offset + 4],
        Precision = intervals[offset + 5],
        Accuracy = intervals[offset + 6],
    };

    /// <summary>The given reference group, or the one with the highest selection rate (ties: more rows, then first).</summary>
    private static int ReferenceIndex(FairnessTable table, IReadOnlyList<string?>? given)
    {
        var groups = table.Groups;
        if (given is not null)
        {
            if (given.Count != table.SensitiveFeatures.Count)
                throw new ArgumentException(
                    $"the reference group needs one value for each of the {table.SensitiveFeatures.Count} sensitive features ({string.Join(", ", table.SensitiveFeatures)}); got {given.Count}");
            for (var g = 0; g < groups.Count; g++)
            {
                if (GroupKeyComparer.Instance.Equals(groups[g].Values, given))
                    return groups[g].Counts.Total > 0 ? g
                        : throw new ArgumentException($"the reference group {Describe(table.SensitiveFeatures, given)} has no rows");
            }
            var known = groups.Where(g => g.Counts.Total > 0).Select(g => Describe(table.SensitiveFeatures, g.Values)).ToList();
            throw new ArgumentException(
                $"the reference group {Describe(table.SensitiveFeatures, given)} is not in the data; its groups are: "
                + string.Join("; ", known.Take(20)) + (known.Count > 20 ? "; ..." : ""));
        }

        var best = -1;
        var bestRate = double.NegativeInfinity;
        for (var g = 0; g < groups.Count; g++)
        {
            var c = groups[g].Counts;
            if (c.Total == 0)
                continue;
            var rate = (double)c.PredictedPositives / c.Total;
            if (rate > bestRate || (rate == bestRate && c.Total > groups[best].Counts.Total))
            {
                best = g;
                bestRate = rate;
            }
        }
        return best;
    }

    private static List<string> Notes(FairnessTable table, int reference, double referenceRatio)
    {
        var notes = new List<string>();
        var features = table.SensitiveFeatures;
        var empty = new List<string>();
        var noPositives = new List<string>();
        var noNegatives = new List<string>();
        var noPredictedPositives = new List<string>();
        for (var g = 0; g < table.Groups.Count; g++)
        {
            var c = table.Groups[g].Counts;
            var name = Describe(features, table.Groups[g].Values);
            if (c.Total == 0)
                empty.Add(name);
            else
            {
                if (c.ActualPositives == 0) noPositives.Add(name);
                if (c.ActualNegatives == 0) noNegatives.Add(name);
                if (c.PredictedPositives == 0) noPredictedPositives.Add(name);
            }
        }
        if (empty.Count > 0)
            notes.Add($"No rows for {List(empty)}: listed with count 0 and left out of every disparity.");
        if (noPositives.Count > 0)
            notes.Add($"No positive label in {List(noPositives)}: true positive and false negative rates undefined (null), left out of equalized odds and equal opportunity.");
        if (noNegatives.Count > 0)
            notes.Add($"No negative label in {List(noNegatives)}: false positive and true negative rates undefined (null), left out of equalized odds.");
        if (noPredictedPositives.Count > 0)
            notes.Add($"No positive prediction in {List(noPredictedPositives)}: precision undefined (null).");
        var referenceRows = table.Groups[reference].Counts.Total;
        if (referenceRows < SmallGroup)
            notes.Add($"The reference group {Describe(features, table.Groups[reference].Values)} has only {referenceRows} rows: its selection rate, "
                + "and so every impact ratio, is uncertain (see the intervals); consider naming a larger reference group.");
        if (double.IsNaN(referenceRatio))
            notes.Add($"The reference group {Describe(features, table.Groups[reference].Values)} has a selection rate of 0: disparate-impact ratios are undefined (null).");
        return notes;
    }

    private static string List(List<string> names) =>
        string.Join("; ", names.Take(10)) + (names.Count > 10 ? string.Create(CultureInfo.InvariantCulture, $" and {names.Count - 10} more") : "");

    /// <summary>A group as people read it: <c>race=Caucasian, sex=Male</c>; a missing value as <c>(missing)</c>.</summary>
    internal static string Describe(IReadOnlyList<string> features, IReadOnlyList<string?> values) =>
        string.Join(", ", features.Select((f, i) => $"{f}={values[i] ?? "(missing)"}"));

    private static Dictionary<string, string?> Key(IReadOnlyList<string> features, IReadOnlyList<string?> values)
    {
        var key = new Dictionary<string, string?>(features.Count, StringComparer.Ordinal);
        for (var f = 0; f < features.Count; f++)
            key.Add(features[f], values[f]);
        return key;
    }

    private static void Validate(FairnessOptions options)
    {
        if (!(options.DisparateImpactThreshold > 0 && options.DisparateImpactThreshold <= 1))
            throw new ArgumentException($"the disparate-impact threshold must be in (0, 1]; got {options.DisparateImpactThreshold}");
        if (options.Bootstrap is { } b)
        {
            if (b.Resamples < 1 || b.Resamples > FairnessLimits.MaxBootstrapResamples)
                throw new ArgumentException($"bootstrap resamples must be between 1 and {FairnessLimits.MaxBootstrapResamples:N0}; got {b.Resamples}");
            if (!(b.Confidence > 0 && b.Confidence < 1))
                throw new ArgumentException($"the confidence level must be strictly between 0 and 1; got {b.Confidence}");
        }
    }
}
