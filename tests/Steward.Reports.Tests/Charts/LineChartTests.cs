using System.Xml.Linq;
using Steward.Reports.Charts;

namespace Steward.Reports.Tests.Charts;

public sealed class LineChartTests
{
    private static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    [Fact]
    public void A_roc_curve_is_drawn_with_the_chance_diagonal()
    {
        var chart = new LineChart
        {
            Title = "ROC curve",
            Series = [new LineSeries("model (AUC 0.75)", [(0, 0), (0.2, 0.6), (1, 1)])],
            XMin = 0, XMax = 1, YMin = 0, YMax = 1,
            Diagonal = "chance",
        };
        var svg = XDocument.Parse(chart.ToSvg());
        Assert.Single(svg.Descendants(Ns + "polyline"));
        Assert.Contains(svg.Descendants(Ns + "line"), l => (string?)l.Attribute("stroke-dasharray") == "4 4");
        Assert.Contains(svg.Descendants(Ns + "text"), t => t.Value == "chance");
    }

    [Fact]
    public void A_step_series_holds_each_value_until_the_next_point()
    {
        var chart = new LineChart { Title = "PR", Series = [new LineSeries("pr", [(0, 1), (0.5, 0.8), (1, 0.5)]) { Step = true }] };
        var points = XDocument.Parse(chart.ToSvg()).Descendants(Ns + "polyline").Single().Attribute("points")!.Value
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, points.Length);
    }

    [Fact]
    public void Markers_carry_their_values()
    {
        var chart = new LineChart { Title = "calibration", Series = [new LineSeries("model", [(0.1, 0.12), (0.9, 0.85)]) { Markers = true }] };
        var svg = XDocument.Parse(chart.ToSvg());
        Assert.Contains(svg.Descendants(Ns + "circle"), c => c.Element(Ns + "title")!.Value == "model: (0.9, 0.85)");
    }

    [Fact]
    public void Non_finite_points_are_skipped_not_drawn()
    {
        var chart = new LineChart { Title = "loss", Series = [new LineSeries("loss", [(0, 1), (1, double.NaN), (2, 0.5)])] };
        var points = XDocument.Parse(chart.ToSvg()).Descendants(Ns + "polyline").Single().Attribute("points")!.Value
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, points.Length);
    }
}
