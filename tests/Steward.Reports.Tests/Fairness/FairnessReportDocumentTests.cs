using System.Xml.Linq;
using Steward.Reports.Documents;
using Steward.Reports.Fairness;
using Steward.Stats.Classification;
using Steward.Stats.Fairness;

namespace Steward.Reports.Tests.Fairness;

public sealed class FairnessReportDocumentTests
{
    private static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    // Selection rates 0.6, 0.5 and 0.3: with the first as reference, the third is below four-fifths.
    // Group "c" has no positive label, so its true positive and false negative rates are undefined.
    private static FairnessReport Report(FairnessOptions? options = null) => FairnessAudit.Run(
        FairnessTable.Create(["race"],
        [
            new GroupCounts(["a"], new ConfusionCounts(40, 20, 30, 10)),
            new GroupCounts(["b"], new ConfusionCounts(30, 20, 35, 15)),
            new GroupCounts(["c"], new ConfusionCounts(0, 30, 70, 0)),
        ]),
        options ?? new FairnessOptions { Bootstrap = new BootstrapOptions(200, Seed: 1) },
        new FairnessSource { Data = "scores.csv", Label = "defaulted", Score = "risk", Threshold = 0.5 });

    private static string Html(FairnessReport report) => FairnessReportDocument.Build(report).Render(ReportFormat.Html, "audit").Text;

    [Fact]
    public void A_failed_four_fifths_rule_is_the_first_thing_the_report_says_naming_the_groups()
    {
        var callout = FairnessReportDocument.Build(Report()).Blocks.OfType<CalloutBlock>().First();
        Assert.Equal(CalloutKind.Fail, callout.Kind);
        Assert.Equal("Four-fifths rule failed for 1 group: c (0.500) — selection rate below 80 % of a's.", callout.Text);
    }

    [Fact]
    public void A_met_four_fifths_rule_is_a_pass()
    {
        var report = Report(new FairnessOptions { Bootstrap = null, DisparateImpactThreshold = 0.4 });
        var callout = FairnessReportDocument.Build(report).Blocks.OfType<CalloutBlock>().First();
        Assert.Equal(CalloutKind.Pass, callout.Kind);
    }

    [Fact]
    public void The_selection_rate_chart_draws_four_fifths_of_the_reference_rate()
    {
        var figure = FairnessReportDocument.Build(Report()).Blocks.OfType<FigureBlock>().Single(f => f.Name == "selection-rate");
        var svg = XDocument.Parse(figure.Svg);
        Assert.Contains(svg.Descendants(Ns + "text"), t => t.Value == "80 % of a (0.480)");
        Assert.Equal(3, svg.Descendants(Ns + "rect").Count(r => r.Element(Ns + "title") is not null));
    }

    [Fact]
    public void Undefined_rates_are_not_available_in_the_charts_and_tables()
    {
        var document = FairnessReportDocument.Build(Report());
        var errors = XDocument.Parse(document.Blocks.OfType<FigureBlock>().Single(f => f.Name == "error-rates").Svg);
        Assert.Contains(errors.Descendants(Ns + "text"), t => t.Value == "n/a");
        var table = document.Blocks.OfType<TableBlock>().First();
        Assert.Equal("n/a", table.Rows[2][3]); // TPR of c
    }

    [Fact]
    public void The_table_shows_rates_with_their_intervals_and_the_settings_are_listed()
    {
        var document = FairnessReportDocument.Build(Report());
        var row = document.Blocks.OfType<TableBlock>().First().Rows[0];
        Assert.Matches(@"^0\.600 \(0\.\d{3}–0\.\d{3}\)$", row[2]);
        var facts = document.Blocks.OfType<FactsBlock>().Single().Facts.ToDictionary(f => f.Key, f => f.Value);
        Assert.Equal("risk ≥ 0.5", facts["Prediction"]);
        Assert.Equal("a (highest selection rate)", facts["Reference group"]);
        Assert.Equal("200 resamples, 95 % intervals, seed 1", facts["Bootstrap"]);
    }

    [Fact]
    public void The_html_page_holds_the_charts_and_the_json_behind_them()
    {
        var html = Html(Report());
        Assert.Equal(3, html.Split("<svg", StringSplitOptions.None).Length - 1);
        Assert.Contains("&quot;disparateImpact&quot;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_markdown_report_links_its_charts_as_svg_files()
    {
        var rendered = FairnessReportDocument.Build(Report()).Render(ReportFormat.Markdown, "audit");
        Assert.Equal(["audit_files/disparate-impact.svg", "audit_files/error-rates.svg", "audit_files/selection-rate.svg"], rendered.Files.Keys.Order());
        Assert.Contains("(audit_files/selection-rate.svg)", rendered.Text, StringComparison.Ordinal);
        Assert.Contains("> **FAIL:**", rendered.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_values_and_intersections_read_as_names()
    {
        Assert.Equal("Asian / (missing)", FairnessReportDocument.GroupName(new Dictionary<string, string?> { ["race"] = "Asian", ["sex"] = null }));
    }
}
