using Steward.Reports.Documents;
using Steward.Reports.Drift;
using Steward.Stats.Drift;

namespace Steward.Reports.Tests.Drift;

public sealed class DriftReportDocumentTests
{
    private static readonly double[] Reference = Enumerable.Range(0, 500).Select(i => Math.Sin(i) * 10).ToArray();

    private static DriftReport Drifted() => DriftAudit.Run(
    [
        DriftColumn.Numeric("income (€)", Reference, Reference.Select(v => v + 4).ToArray()),
        DriftColumn.Numeric("age", Reference, [.. Reference]),
        DriftColumn.Text("plan", Repeat(["basic", "pro"], 250), Repeat(["basic", "pro", "enterprise"], 100)),
    ], skipped: [new SkippedColumn("id", "every reference value is different (an identifier?)")]) with
    {
        Source = new DriftSource("data/january.csv", "region = 'EU'", "data/february.parquet", "region = 'EU'"),
    };

    [Fact]
    public void The_verdict_names_the_share_of_drifted_columns()
    {
        var html = DriftReportDocument.Build(Drifted()).Render(ReportFormat.Html, "drift").Text;
        Assert.Contains("class=\"callout fail\"", html);
        Assert.Contains("Data set drift: 2 of 3 columns drifted (66.7 %)", html);
        Assert.Contains("Drift audit: february.parquet against january.csv", html);
        Assert.Contains("region = &#39;EU&#39;", html);
    }

    [Fact]
    public void Each_drifted_column_gets_a_chart_of_reference_against_current()
    {
        var document = DriftReportDocument.Build(Drifted());
        var figures = document.Blocks.OfType<FigureBlock>().ToList();
        Assert.Equal(["drift-income", "drift-plan"], figures.Select(f => f.Name));
        Assert.All(figures, f => Assert.StartsWith("<svg", f.Svg));
        Assert.All(figures, f => Assert.Contains("current", f.Svg));
    }

    [Fact]
    public void Skipped_columns_are_listed_with_their_reason()
    {
        var document = DriftReportDocument.Build(Drifted());
        var skipped = document.Blocks.OfType<TableBlock>().Single(t => t.Headers[0] == "Column" && t.Headers[1] == "Reason");
        Assert.Equal(["id", "every reference value is different (an identifier?)"], skipped.Rows.Single());
    }

    [Fact]
    public void A_new_category_shows_an_infinite_chi_square()
    {
        var document = DriftReportDocument.Build(Drifted());
        var columns = document.Blocks.OfType<TableBlock>().First();
        var plan = columns.Rows.Single(r => r[0] == "plan");
        Assert.Equal("χ² = ∞", plan[5]);
        Assert.Equal("0", plan[6]);
    }

    [Fact]
    public void Without_drift_the_verdict_passes_and_no_chart_is_drawn()
    {
        var report = DriftAudit.Run([DriftColumn.Numeric("age", Reference, [.. Reference])]);
        var document = DriftReportDocument.Build(report);
        Assert.Equal(CalloutKind.Pass, document.Blocks.OfType<CalloutBlock>().Single().Kind);
        Assert.Empty(document.Blocks.OfType<FigureBlock>());
    }

    [Fact]
    public void Markdown_writes_the_charts_beside_the_report_and_carries_the_json()
    {
        var rendered = DriftReportDocument.Build(Drifted()).Render(ReportFormat.Markdown, "drift");
        Assert.Contains("](drift_files/drift-income.svg)", rendered.Text);
        Assert.Equal(["drift_files/drift-income.svg", "drift_files/drift-plan.svg"], rendered.Files.Keys.Order());
        Assert.Contains("\"datasetDrift\": true", rendered.Text);
    }

    private static string?[] Repeat(string[] values, int times) => [.. Enumerable.Repeat(values, times).SelectMany(v => v)];
}
