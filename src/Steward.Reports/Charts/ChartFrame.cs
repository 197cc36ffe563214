using System.Globalization;

namespace Steward.Reports.Charts;

/// <summary>
/// The parts every chart shares: title, plot area, grid, axes with tick labels, axis titles and a
/// legend under the plot. Charts draw their marks inside Left–Right × Top–Bottom.
/// </summary>
internal sealed class ChartFrame
{
    private const double TitleHeight = 28;
    private const double LegendRowHeight = 18;

    /// <param name="width">Pixel width.</param>
    /// <param name="height">Pixel height.</param>
    /// <param name="title">The title drawn on top.</param>
    /// <param name="legend">The legend's entries, laid out before the plot so the plot leaves room for them.</param>
    /// <param name="extraXLabelSpace">Extra height under the x axis (for slanted category labels).</param>
    /// <param name="extraLeftSpace">Extra width left of the plot (for a first slanted category label longer than the margin).</param>
    public ChartFrame(double width, double height, string title, IReadOnlyList<LegendEntry> legend, double extraXLabelSpace = 0, double extraLeftSpace = 0)
    {
        Width = width;
        Height = height;
        Title = title;
        Left = 64 + extraLeftSpace;
        Right = width - 20;
        _legend = legend;
        _legendPlaces = PlaceLegend(legend, Left, Right);
        var legendRows = legend.Count == 0 ? 0 : _legendPlaces.Max(p => p.Row) + 1;
        Top = TitleHeight + 10;
        XLabelSpace = extraXLabelSpace;
        Bottom = height - 56 - extraXLabelSpace - legendRows * LegendRowHeight;
        Svg = new Svg(width, height, title);
        Svg.Text(width / 2, 20, title, "middle", size: 14, bold: true);
    }

    private readonly IReadOnlyList<LegendEntry> _legend;
    private readonly List<(double X, int Row)> _legendPlaces;

    public Svg Svg { get; }
    public double XLabelSpace { get; }
    public double Width { get; }
    public double Height { get; }
    public string Title { get; }
    public double Left { get; }
    public double Right { get; }
    public double Top { get; }
    public double Bottom { get; }

    /// <summary>Horizontal grid lines and labels of the y axis, the axis line, and its title.</summary>
    public void YAxis(Scale y, string? label, Func<double, string>? format = null)
    {
        format ??= DefaultFormat;
        foreach (var tick in y.Ticks())
        {
            var py = y.Map(tick);
            Svg.Line(Left, py, Right, py, ChartStyle.GridColor);
            Svg.Text(Left - 6, py + 4, format(tick), "end", ChartStyle.AxisColor);
        }
        Svg.Line(Left, Top, Left, Bottom, ChartStyle.AxisColor);
        if (label is not null)
            Svg.Text(16, (Top + Bottom) / 2, label, "middle", ChartStyle.AxisColor, rotate: -90);
    }

    /// <summary>Ticks and labels of a numeric x axis, the axis line, and its title.</summary>
    public void XAxis(Scale x, string? label, Func<double, string>? format = null)
    {
        format ??= DefaultFormat;
        foreach (var tick in x.Ticks(6))
        {
            var px = x.Map(tick);
            Svg.Line(px, Bottom, px, Bottom + 4, ChartStyle.AxisColor);
            Svg.Text(px, Bottom + 17, format(tick), "middle", ChartStyle.AxisColor);
        }
        XAxisLine(label, labelOffset: 36);
    }

    /// <summary>The x axis line and its title, for charts that label their own categories.</summary>
    public void XAxisLine(string? label, double labelOffset)
    {
        Svg.Line(Left, Bottom, Right, Bottom, ChartStyle.AxisColor);
        if (label is not null)
            Svg.Text((Left + Right) / 2, Bottom + labelOffset, label, "middle", ChartStyle.AxisColor);
    }

    /// <summary>Coloured swatches with names, in rows under the plot.</summary>
    public void Legend()
    {
        if (_legend.Count == 0)
            return;
        var rows = _legendPlaces.Max(p => p.Row) + 1;
        var top = Height - rows * LegendRowHeight - 4;
        for (var i = 0; i < _legend.Count; i++)
        {
            var (x, row) = _legendPlaces[i];
            var y = top + row * LegendRowHeight;
            var entry = _legend[i];
            if (entry.IsLine)
                Svg.Line(x, y + 6, x + 16, y + 6, entry.Color, 2, entry.Dash);
            else
                Svg.Rect(x, y, 12, 12, entry.Color);
            Svg.Text(x + 20, y + 10, entry.Name);
        }
    }

    /// <summary>Roughly how wide <paramref name="text"/> is at the chart's font size; enough for layout.</summary>
    public static double TextWidth(string text) => text.Length * ChartStyle.FontSize * 0.58;

    private static List<(double X, int Row)> PlaceLegend(IReadOnlyList<LegendEntry> legend, double left, double right)
    {
        var places = new List<(double X, int Row)>(legend.Count);
        var (x, row) = (left, 0);
        foreach (var entry in legend)
        {
            var width = 20 + TextWidth(entry.Name) + 18;
            if (x > left && x + width > right)
                (x, row) = (left, row + 1);
            places.Add((x, row));
            x += width;
        }
        return places;
    }

    public static string DefaultFormat(double value)
    {
        var magnitude = Math.Abs(value);
        return magnitude is >= 1e6 or (> 0 and < 1e-3)
            ? value.ToString("0.##E0", CultureInfo.InvariantCulture)
            : value.ToString("0.###", CultureInfo.InvariantCulture);
    }
}

/// <summary>A legend entry: a filled swatch, or a line (dashed when <see cref="Dash"/> is set).</summary>
internal sealed record LegendEntry(string Name, string Color, bool IsLine = false, string? Dash = null);
