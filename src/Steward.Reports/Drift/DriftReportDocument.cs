using System.Globalization;
using Steward.Reports.Charts;
using Steward.Reports.Documents;
using Steward.Stats.Drift;

namespace Steward.Reports.Drift;

/// <summary>
/// A drift audit as a document a reviewer reads: the data-set verdict, what was compared, one row
/// per column with every measure, reference-against-current histograms of each drifted column,
/// the skipped columns with their reasons, how to read the measures, and the JSON behind it all.
/// </summary>
public static class DriftReportDocument
{
    /// <summary>Builds the document; render it with <see cref="ReportDocument.Render"/>.</summary>
    public static ReportDocument Build(DriftReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var title = report.Source is { } source
            ? $"Drift audit: {Path.GetFileName(source.Current)} against {Path.GetFileName(source.Reference)}"
            : "Drift audit";
        var document = new ReportDocument(title);
        document.Add(Verdict(report));
        document.Add(new FactsBlock(Facts(report).Select(f => KeyValuePair.Create(f.Name, f.Value)).ToList()));

        document.Heading("Columns");
        document.Add(ColumnTable(report));
        if (report.Skipped.Count > 0)
        {
            document.Heading("Not compared");
            document.Add(new TableBlock(["Column", "Reason"], report.Skipped.Select(s => (IReadOnlyList<string>)[s.Column, s.Reason]).ToList()));
        }

        var drifted = report.Columns.Where(c => c.Drifted).ToList();
        if (drifted.Count > 0)
        {
            document.Heading("Drifted columns");
            var used = new HashSet<string>(StringComparer.Ordinal);
            foreach (var column in drifted)
            {
                document.Heading(column.Column, 3);
                document.Paragraph(Describe(column));
                document.Figure(FigureName(column.Column, used), Chart(column), Caption(column));
            }
        }

        document.Heading("How to read this");
        document.Paragraph("Each column is decided by one method: a hypothesis test drifts when its p-value is below the threshold "
            + "(KS for numbers, chi-square for categories), a distance drifts when it reaches the threshold (PSI, normed Wasserstein, "
            + "Jensen–Shannon). Without a chosen method, samples of at most 1,000 reference values get the test and larger ones the "
            + "distance, since tests flag trivial differences in large samples. The data set drifts when the share of drifted columns "
            + $"reaches {Percent(report.DriftShareThreshold)}.");
        document.Paragraph("Numeric bins are cut at the reference's deciles (quantiles i/bins), the outer bins open; PSI is "
            + "Σ (r − c)·ln(r / c) over the bins, empty bins replaced as Evidently does; Jensen–Shannon uses the natural logarithm "
            + "(0 to 0.83). Missing values (empty, NaN, ±∞) are left out and counted. A numeric column with at most five distinct "
            + "values is compared as categories. A category new in the current sample makes chi-square infinite (shown as ∞, null in the JSON).");
        document.Json(report.ToJson());
        return document;
    }

    private static CalloutBlock Verdict(DriftReport report)
    {
        var compared = report.Columns.Count;
        if (compared == 0)
            return new CalloutBlock("No column could be compared.", CalloutKind.Warning);
        var text = $"{report.DriftedColumns} of {compared} columns drifted ({Percent(report.DriftedShare ?? 0)})";
        return report.DatasetDrift
            ? new CalloutBlock($"Data set drift: {text}, at or above the {Percent(report.DriftShareThreshold)} threshold.", CalloutKind.Fail)
            : report.DriftedColumns > 0
                ? new CalloutBlock($"No data set drift, but {text}; the threshold is {Percent(report.DriftShareThreshold)}.", CalloutKind.Warning)
                : new CalloutBlock($"No drift: none of {compared} columns drifted.", CalloutKind.Pass);
    }

    private static IEnumerable<(string Name, string Value)> Facts(DriftReport report)
    {
        if (report.Source is { } source)
        {
            yield return ("Reference", source.Reference);
            yield return ("Current", source.Current);
            if (source.ReferenceWhere == source.CurrentWhere && source.ReferenceWhere is { } where)
                yield return ("Row filter", where);
            else
            {
                if (source.ReferenceWhere is { } referenceWhere)
                    yield return ("Reference filter", referenceWhere);
                if (source.CurrentWhere is { } currentWhere)
                    yield return ("Current filter", currentWhere);
            }
        }
        yield return ("Rows", $"{Count(report.ReferenceRows)} reference, {Count(report.CurrentRows)} current");
        yield return ("Columns", $"{report.Columns.Count} compared, {report.Skipped.Count} not compared");
        yield return ("Methods", string.Join(", ", report.Columns.GroupBy(c => (c.Method, c.Threshold))
            .Select(g => $"{MethodName(g.Key.Method)} (threshold {Number(g.Key.Threshold)}) for {g.Count()}")));
        yield return ("Numeric bins", report.Bins.ToString(CultureInfo.InvariantCulture));
        yield return ("Data set drift at", $"{Percent(report.DriftShareThreshold)} of columns drifted");
    }

    private static TableBlock ColumnTable(DriftReport report)
    {
        var rows = report.Columns.Select(c => (IReadOnlyList<string>)
        [
            c.Column, c.Type == DriftColumnType.Numeric ? "numeric" : "categorical", MethodName(c.Method), Number(c.Score), Number(c.Threshold),
            c.Test == DriftMethod.KolmogorovSmirnov ? $"D = {Number(c.Statistic)}" : $"χ² = {Number(c.Statistic, infinite: "∞")}",
            Number(c.PValue), Number(c.Psi), Number(c.WassersteinNormed), Number(c.JensenShannon), c.Drifted ? "drifted" : "",
        ]).ToList();
        return new TableBlock(["Column", "Type", "Method", "Score", "Threshold", "Test", "p-value", "PSI", "Wasserstein (normed)", "Jensen–Shannon", "Drift"],
            rows, "Score is the deciding method's value; the other measures are shown for comparison.")
        {
            RightAligned = new HashSet<int> { 3, 4, 6, 7, 8, 9 },
        };
    }

    private static string Describe(ColumnDrift column) =>
        $"{MethodName(column.Method)} {Number(column.Score)} against a threshold of {Number(column.Threshold)}; "
        + $"{Count(column.Reference.Count)} reference and {Count(column.Current.Count)} current values"
        + (column.Reference.Missing + column.Current.Missing > 0
            ? $" ({Count(column.Reference.Missing)} and {Count(column.Current.Missing)} missing)."
            : ".");

    /// <summary>Reference against current shares: histograms over the quantile bins for numbers, bars per category otherwise.</summary>
    private static string Chart(ColumnDrift column)
    {
        var reference = column.Bins.Select(b => b.Reference).ToList();
        var current = column.Bins.Select(b => b.Current).ToList();
        if (column.Type == DriftColumnType.Numeric && NumericEdges(column) is { } edges)
        {
            return new HistogramChart
            {
                Title = $"{column.Column}: share of rows per reference-quantile bin",
                BinEdges = edges,
                Series = [new HistogramSeries("reference", reference), new HistogramSeries("current", current)],
                XAxisLabel = column.Column,
            }.ToSvg();
        }
        return new BarChart
        {
            Title = $"{column.Column}: share of rows per category",
            Categories = column.Bins.Select(b => b.Label).ToList(),
            Series = [new BarSeries("reference", reference.Select(v => (double?)v).ToList()), new BarSeries("current", current.Select(v => (double?)v).ToList())],
            YAxisLabel = "share of rows",
        }.ToSvg();
    }

    /// <summary>The bins' edges with the open ends closed at the smallest and largest value of both samples.</summary>
    private static List<double>? NumericEdges(ColumnDrift column)
    {
        if (column.Reference.Min is not { } referenceMin || column.Current.Min is not { } currentMin
            || column.Reference.Max is not { } referenceMax || column.Current.Max is not { } currentMax)
            return null;
        var edges = new List<double> { Math.Min(referenceMin, currentMin) };
        edges.AddRange(column.Bins.Skip(1).Select(b => b.Lower!.Value));
        edges.Add(Math.Max(referenceMax, currentMax));
        return edges;
    }

    private static string Caption(ColumnDrift column) => column.Type == DriftColumnType.Numeric
        ? "Bins hold a tenth of the reference each (fewer when reference values repeat); the outer bins reach the smallest and largest value seen."
        : "Each bar is a category's share of its sample.";

    private static string FigureName(string column, HashSet<string> used)
    {
        var stem = new string(column.Select(ch => char.IsAsciiLetterOrDigit(ch) ? char.ToLowerInvariant(ch) : '-').ToArray()).Trim('-');
        stem = "drift-" + (stem.Length == 0 ? "column" : stem);
        var name = stem;
        for (var i = 2; !used.Add(name); i++)
            name = $"{stem}-{i}";
        return name;
    }

    /// <summary>The method's name as a reader knows it.</summary>
    public static string MethodName(DriftMethod method) => method switch
    {
        DriftMethod.KolmogorovSmirnov => "KS p-value",
        DriftMethod.ChiSquare => "chi-square p-value",
        DriftMethod.Psi => "PSI",
        DriftMethod.Wasserstein => "normed Wasserstein",
        _ => "Jensen–Shannon",
    };

    /// <summary>Four significant digits, scientific for tiny p-values; n/a for null.</summary>
    public static string Number(double? value, string infinite = "n/a") => value switch
    {
        null => infinite,
        0 => "0",
        { } v when Math.Abs(v) < 1e-4 => v.ToString("0.###e+0", CultureInfo.InvariantCulture),
        { } v => v.ToString("0.####", CultureInfo.InvariantCulture),
    };

    private static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %";

    private static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
