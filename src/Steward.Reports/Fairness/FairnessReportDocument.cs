using System.Globalization;
using Steward.Reports.Charts;
using Steward.Reports.Documents;
using Steward.Stats.Fairness;

namespace Steward.Reports.Fairness;

/// <summary>
/// A fairness audit as a document a risk manager reads: the four-fifths verdict, the settings,
/// charts of selection rates (with the four-fifths line), disparate-impact ratios and error rates,
/// the tables, the notes on undefined values, and the JSON behind it all.
/// </summary>
public static class FairnessReportDocument
{
    /// <summary>Builds the document; render it with <see cref="ReportDocument.Render"/>.</summary>
    public static ReportDocument Build(FairnessReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var features = report.Settings.SensitiveFeatures;
        var names = report.Groups.Select(g => GroupName(g.Group)).ToList();
        var impact = report.Disparities.DisparateImpact;
        var subject = report.Source?.Label ?? "predictions";

        var document = new ReportDocument($"Fairness audit: {subject} by {string.Join(" × ", features)}");
        document.Add(Verdict(impact));
        document.Add(new FactsBlock(Settings(report).Select(f => KeyValuePair.Create(f.Name, f.Value)).ToList()));

        var reference = report.Groups.First(g => SameGroup(g.Group, impact.ReferenceGroup));
        var referenceName = GroupName(impact.ReferenceGroup);
        document.Heading("Selection rate by group");
        var lines = reference.SelectionRate is { } referenceRate
            ? new[] { new ReferenceLine(impact.Threshold * referenceRate, $"{Percent(impact.Threshold)} of {referenceName} ({Number(impact.Threshold * referenceRate)})") }
            : [];
        document.Figure("selection-rate", new BarChart
        {
            Title = "Selection rate (share predicted positive)",
            Categories = names,
            Series = [new BarSeries("selection rate", report.Groups.Select(g => g.SelectionRate).ToList())],
            YAxisLabel = "selection rate",
            Lines = lines,
        }.ToSvg(), $"Groups below the line have a selection rate under {Percent(impact.Threshold)} of the reference group's ({referenceName}).");

        document.Heading("Disparate impact");
        document.Figure("disparate-impact", new BarChart
        {
            Title = $"Selection rate relative to {referenceName}",
            Categories = names,
            Series = [new BarSeries("impact ratio", impact.Groups.Select(g => g.Ratio).ToList())],
            YAxisLabel = "ratio to reference",
            Lines = [new ReferenceLine(impact.Threshold, $"four-fifths rule ({Number(impact.Threshold)})")],
        }.ToSvg(), "A ratio below the line fails the four-fifths rule.");

        document.Heading("Error rates by group");
        document.Figure("error-rates", new BarChart
        {
            Title = "False positive and false negative rates",
            Categories = names,
            Series =
            [
                new BarSeries("false positive rate", report.Groups.Select(g => g.FalsePositiveRate).ToList()),
                new BarSeries("false negative rate", report.Groups.Select(g => g.FalseNegativeRate).ToList()),
            ],
            YAxisLabel = "rate",
        }.ToSvg(), "Equalized odds asks these to be equal across groups; n/a marks a rate with no rows to define it.");

        document.Heading("Rates by group");
        document.Add(GroupTable(report, names));
        document.Heading("Disparities");
        document.Add(DisparityTable(report.Disparities));

        if (report.Notes.Count > 0)
        {
            document.Heading("Notes");
            foreach (var note in report.Notes)
                document.Paragraph(note);
        }

        document.Heading("How to read this");
        document.Paragraph("Rates follow Fairlearn's definitions. A rate whose denominator is zero (a true positive rate for a group "
            + "without positive labels, a precision without positive predictions) is undefined: shown as n/a, null in the JSON, and left "
            + "out of the disparities built on it — Fairlearn would count it as 0. Intervals are percentile bootstrap intervals over the "
            + "whole data set resampled; a wide interval means the group is too small for its rate to be trusted.");
        document.Json(FairnessJson.Serialize(report), "Data behind this report (JSON)");
        return document;
    }

    /// <summary>A group as people read it: its values joined with " / ", a missing value as "(missing)".</summary>
    public static string GroupName(IReadOnlyDictionary<string, string?> group) =>
        string.Join(" / ", group.Values.Select(v => v ?? "(missing)"));

    private static CalloutBlock Verdict(DisparateImpact impact)
    {
        var reference = GroupName(impact.ReferenceGroup);
        if (impact.PassesFourFifthsRule is null)
            return new CalloutBlock($"Disparate impact is undefined: the reference group {reference} has a selection rate of 0.", CalloutKind.Warning);
        if (impact.PassesFourFifthsRule.Value)
            return new CalloutBlock(
                $"Four-fifths rule met: every group's selection rate is at least {Percent(impact.Threshold)} of {reference}'s.", CalloutKind.Pass);
        var below = impact.Groups.Where(g => g.BelowThreshold == true).Select(g => $"{GroupName(g.Group)} ({Number(g.Ratio)})").ToList();
        return new CalloutBlock(
            $"Four-fifths rule failed for {below.Count} group{(below.Count == 1 ? "" : "s")}: {string.Join(", ", below)} — selection rate below {Percent(impact.Threshold)} of {reference}'s.",
            CalloutKind.Fail);
    }

    private static IEnumerable<(string Name, string Value)> Settings(FairnessReport report)
    {
        var source = report.Source;
        var settings = report.Settings;
        if (source?.Data is not null)
            yield return ("Data", source.Data);
        if (source?.Where is not null)
            yield return ("Filter", source.Where);
        yield return ("Rows", report.Overall.Count.ToString("N0", CultureInfo.InvariantCulture));
        if (source is not null)
        {
            yield return ("Label", source.Positive is null ? source.Label : $"{source.Label} (positive: {source.Positive})");
            yield return ("Prediction", source.Score is not null
                ? $"{source.Score} ≥ {source.Threshold?.ToString("R", CultureInfo.InvariantCulture)}"
                : source.Prediction ?? "");
        }
        yield return ("Sensitive features", string.Join(" × ", settings.SensitiveFeatures));
        var impact = report.Disparities.DisparateImpact;
        yield return ("Reference group", GroupName(impact.ReferenceGroup)
            + (impact.ReferenceChosenBy == ReferenceGroupChoice.Given ? " (given)" : " (highest selection rate)"));
        yield return ("Disparities", settings.Method == DisparityMethod.BetweenGroups ? "between groups" : "each group to overall");
        yield return ("Disparate-impact threshold", Number(settings.DisparateImpactThreshold));
        yield return ("Bootstrap", settings.Bootstrap is { } b
            ? $"{b.Resamples:N0} resamples, {Percent(b.Confidence)} intervals, seed {b.Seed}"
            : "none");
    }

    private static TableBlock GroupTable(FairnessReport report, List<string> names)
    {
        var rows = new List<IReadOnlyList<string>>();
        for (var i = 0; i < report.Groups.Count; i++)
        {
            var g = report.Groups[i];
            var impact = report.Disparities.DisparateImpact.Groups[i];
            rows.Add([
                names[i],
                g.Count.ToString("N0", CultureInfo.InvariantCulture),
                WithInterval(g.SelectionRate, g.Intervals?.SelectionRate),
                WithInterval(g.TruePositiveRate, g.Intervals?.TruePositiveRate),
                WithInterval(g.FalsePositiveRate, g.Intervals?.FalsePositiveRate),
                WithInterval(g.FalseNegativeRate, g.Intervals?.FalseNegativeRate),
                WithInterval(g.Precision, g.Intervals?.Precision),
                WithInterval(g.Accuracy, g.Intervals?.Accuracy),
                WithInterval(impact.Ratio, impact.Interval),
                impact.BelowThreshold switch { true => "below", false => "", null => "n/a" },
            ]);
        }
        var caption = report.Settings.Bootstrap is { } b ? $"Rates with {Percent(b.Confidence)} bootstrap intervals" : null;
        return new TableBlock(
            ["Group", "Rows", "Selection rate", "TPR", "FPR", "FNR", "Precision", "Accuracy", "Impact ratio", "Four-fifths"], rows, caption)
        {
            RightAligned = new HashSet<int> { 1, 2, 3, 4, 5, 6, 7, 8 },
        };
    }

    private static TableBlock DisparityTable(Disparities d)
    {
        var i = d.Intervals;
        IReadOnlyList<string> Row(string name, string fairlearn, double? value, ConfidenceInterval? interval) =>
            [name, Number(value), interval is null ? "" : $"{Number(interval.Lower)} – {Number(interval.Upper)}", fairlearn];
        return new TableBlock(["Disparity", "Value", "Interval", "Fairlearn"],
        [
            Row("Demographic parity difference", "demographic_parity_difference", d.DemographicParityDifference, i?.DemographicParityDifference),
            Row("Demographic parity ratio", "demographic_parity_ratio", d.DemographicParityRatio, i?.DemographicParityRatio),
            Row("Equalized odds difference", "equalized_odds_difference", d.EqualizedOddsDifference, i?.EqualizedOddsDifference),
            Row("Equalized odds ratio", "equalized_odds_ratio", d.EqualizedOddsRatio, i?.EqualizedOddsRatio),
            Row("Equal opportunity difference", "equal_opportunity_difference", d.EqualOpportunityDifference, i?.EqualOpportunityDifference),
            Row("Equal opportunity ratio", "equal_opportunity_ratio", d.EqualOpportunityRatio, i?.EqualOpportunityRatio),
            Row("Smallest disparate-impact ratio", "", d.DisparateImpact.MinimumRatio, i?.DisparateImpactMinimumRatio),
        ])
        {
            RightAligned = new HashSet<int> { 1, 2 },
        };
    }

    private static bool SameGroup(IReadOnlyDictionary<string, string?> a, IReadOnlyDictionary<string, string?> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && string.Equals(v, kv.Value, StringComparison.Ordinal));

    private static string WithInterval(double? value, ConfidenceInterval? interval) =>
        value is null ? "n/a" : interval is null ? Number(value) : $"{Number(value)} ({Number(interval.Lower)}–{Number(interval.Upper)})";

    private static string Number(double? value) => value?.ToString("0.000", CultureInfo.InvariantCulture) ?? "n/a";

    private static string Percent(double fraction) => (fraction * 100).ToString("0.##", CultureInfo.InvariantCulture) + " %";
}
