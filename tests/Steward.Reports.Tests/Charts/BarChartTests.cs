using System.Xml.Linq;
using Steward.Reports.Charts;

namespace Steward.Reports.Tests.Charts;

public sealed class BarChartTests
{
    private static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    private static BarChart Chart(params ReferenceLine[] lines) => new()
    {
        Title = "Selection rate by race",
        Categories = ["African-American", "Caucasian", "Hispanic"],
        Series = [new BarSeries("selection rate", [0.58, 0.33, null]), new BarSeries("false positive rate", [0.45, 0.23, 0.19])],
        YAxisLabel = "rate",
        Lines = lines,
    };

    [Fact]
    public void Every_defined_value_is_a_bar_with_its_value_in_the_tooltip()
    {
        var svg = XDocument.Parse(Chart().ToSvg());
        var bars = svg.Descendants(Ns + "rect").Where(r => r.Element(Ns + "title") is not null).ToList();
        Assert.Equal(5, bars.Count);
        Assert.Contains(bars, b => b.Element(Ns + "title")!.Value == "Caucasian — false positive rate: 0.23");
    }

    [Fact]
    public void An_undefined_value_is_marked_not_available_instead_of_drawn_as_zero()
    {
        var svg = XDocument.Parse(Chart().ToSvg());
        Assert.Contains(svg.Descendants(Ns + "text"), t => t.Value == "n/a");
    }

    [Fact]
    public void A_threshold_line_is_drawn_and_named_in_the_legend()
    {
        var svg = XDocument.Parse(Chart(new ReferenceLine(0.8, "four-fifths of reference")).ToSvg());
        Assert.Contains(svg.Descendants(Ns + "line"), l => (string?)l.Attribute("stroke") == ChartStyle.ThresholdColor);
        Assert.Contains(svg.Descendants(Ns + "text"), t => t.Value == "four-fifths of reference");
    }

    [Fact]
    public void The_title_names_the_chart_for_screen_readers()
    {
        var svg = XDocument.Parse(Chart().ToSvg());
        Assert.Equal("Selection rate by race", svg.Root!.Element(Ns + "title")!.Value);
    }

    [Fact]
    public void Text_with_markup_characters_stays_well_formed()
    {
        var chart = new BarChart { Title = "a < b & \"c\"", Categories = ["<x>"], Series = [new BarSeries("s&t", [1])] };
        var svg = XDocument.Parse(chart.ToSvg());
        Assert.Contains(svg.Descendants(Ns + "text"), t => t.Value == "<x>");
    }

    [Fact]
    public void A_series_with_the_wrong_number_of_values_is_refused()
    {
        var chart = new BarChart { Title = "t", Categories = ["a", "b"], Series = [new BarSeries("s", [1])] };
        Assert.Throws<ArgumentException>(() => chart.ToSvg());
    }

    [Fact]
    public void A_long_first_category_slanted_under_its_bar_stays_inside_the_picture()
    {
        string[] categories = ["African-American / Female", "African-American / Male", "Asian / Female", "Asian / Male", "Caucasian / Female",
            "Caucasian / Male", "Hispanic / Female", "Hispanic / Male", "Native American / Female", "Native American / Male"];
        var chart = new BarChart { Title = "t", Categories = categories, Series = [new BarSeries("s", categories.Select(_ => (double?)0.5).ToList())] };
        var label = XDocument.Parse(chart.ToSvg()).Descendants(Ns + "text").Single(t => t.Value == categories[0]);
        var x = double.Parse((string)label.Attribute("x")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(x - ChartFrame.TextWidth(categories[0]) * Math.Cos(Math.PI * 35 / 180) >= 0, $"label anchored at {x} runs off the left edge");
    }
}
