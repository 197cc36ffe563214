using Steward.Reports.Documents;

namespace Steward.Reports.Tests.Documents;

public sealed class ReportDocumentTests
{
    private static ReportDocument Sample() => new ReportDocument("Fairness audit <COMPAS>")
        .Callout("2 groups below the four-fifths rule", CalloutKind.Fail)
        .Facts(("data", "compas.csv"), ("rows", "7214"))
        .Add(new TableBlock(["group", "rate"], [["African-American", "0.58"], ["a|b", "0.3"]]) { RightAligned = new HashSet<int> { 1 } })
        .Figure("selection-rate", "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>t</title></svg>", "Selection rate by group")
        .Json("{\"groups\": []}");

    [Fact]
    public void Html_is_one_self_contained_page_with_inline_charts()
    {
        var rendered = Sample().Render(ReportFormat.Html, "report");
        Assert.Empty(rendered.Files);
        Assert.StartsWith("<!DOCTYPE html>", rendered.Text);
        Assert.Contains("<figure><svg", rendered.Text);
        Assert.Contains("&lt;COMPAS&gt;", rendered.Text);
        Assert.Contains("class=\"callout fail\"", rendered.Text);
    }

    [Fact]
    public void Markdown_links_each_chart_as_an_svg_file_beside_the_report()
    {
        var rendered = Sample().Render(ReportFormat.Markdown, "compas-fairness");
        Assert.Contains("](compas-fairness_files/selection-rate.svg)", rendered.Text);
        Assert.True(rendered.Files.ContainsKey("compas-fairness_files/selection-rate.svg"));
    }

    [Fact]
    public void Markdown_tables_escape_pipes_in_values()
    {
        var rendered = Sample().Render(ReportFormat.Markdown, "r");
        Assert.Contains("| a\\|b | 0.3 |", rendered.Text);
        Assert.Contains("|---|---:|", rendered.Text);
    }

    [Fact]
    public void Two_figures_with_one_name_are_refused()
    {
        var report = new ReportDocument("r").Figure("a", "<svg/>");
        Assert.Throws<ArgumentException>(() => report.Figure("a", "<svg/>"));
    }

    [Theory]
    [InlineData("out/report.html", ReportFormat.Html)]
    [InlineData("REPORT.HTM", ReportFormat.Html)]
    [InlineData("report.md", ReportFormat.Markdown)]
    public void The_format_follows_the_file_extension(string path, ReportFormat expected) =>
        Assert.Equal(expected, ReportFormats.FromPath(path));

    [Fact]
    public void An_unknown_extension_has_no_format() => Assert.Null(ReportFormats.FromPath("report.pdf"));
}
