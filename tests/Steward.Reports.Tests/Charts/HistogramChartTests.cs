using System.Globalization;
using System.Xml.Linq;
using Steward.Reports.Charts;

namespace Steward.Reports.Tests.Charts;

public sealed class HistogramChartTests
{
    private static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    [Fact]
    public void Bars_sit_at_their_bins_true_widths()
    {
        var chart = new HistogramChart
        {
            Title = "tenure",
            BinEdges = [0, 10, 40],
            Series = [new HistogramSeries("reference", [0.5, 0.5])],
        };
        var bars = XDocument.Parse(chart.ToSvg()).Descendants(Ns + "rect").Where(r => r.Element(Ns + "title") is not null).ToList();
        var widths = bars.Select(b => double.Parse((string)b.Attribute("width")!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, widths.Count);
        Assert.InRange(widths[1] / widths[0], 2.8, 3.2);
    }

    [Fact]
    public void Reference_and_current_are_both_drawn_and_named()
    {
        var chart = new HistogramChart
        {
            Title = "MonthlyCharges",
            BinEdges = [0, 1, 2, 3],
            Series = [new HistogramSeries("reference", [0.2, 0.5, 0.3]), new HistogramSeries("current", [0.1, 0.3, 0.6])],
        };
        var svg = XDocument.Parse(chart.ToSvg());
        Assert.Equal(6, svg.Descendants(Ns + "rect").Count(r => r.Element(Ns + "title") is not null));
        Assert.Contains(svg.Descendants(Ns + "text"), t => t.Value == "current");
    }

    [Fact]
    public void Infinite_bin_edges_are_refused()
    {
        var chart = new HistogramChart
        {
            Title = "x",
            BinEdges = [double.NegativeInfinity, 0, 1],
            Series = [new HistogramSeries("reference", [0.5, 0.5])],
        };
        Assert.Throws<ArgumentException>(() => chart.ToSvg());
    }
}
