namespace Steward.Reports.Charts;

/// <summary>A named line through points in drawing order; <see cref="Step"/> draws it as a staircase (e.g. precision–recall).</summary>
public sealed record LineSeries(string Name, IReadOnlyList<(double X, double Y)> Points)
{
    /// <summary>Draw a marker at each point (for few points, e.g. calibration bins).</summary>
    public bool Markers { get; init; }

    /// <summary>Hold each y until the next x, as step-wise curves are defined.</summary>
    public bool Step { get; init; }
}

/// <summary>
/// Lines on numeric axes: ROC and calibration curves (with the diagonal), metric histories by
/// step or time. Non-finite points are skipped.
/// </summary>
public sealed class LineChart
{
    /// <summary>The chart's title, also its accessible name.</summary>
    public required string Title { get; init; }

    /// <summary>The lines.</summary>
    public required IReadOnlyList<LineSeries> Series { get; init; }

    /// <summary>The x axis title.</summary>
    public string? XAxisLabel { get; init; }

    /// <summary>The y axis title.</summary>
    public string? YAxisLabel { get; init; }

    /// <summary>Fixed axis ranges; by default round values around the data.</summary>
    public double? XMin { get; init; }

    /// <summary>Fixed axis ranges; by default round values around the data.</summary>
    public double? XMax { get; init; }

    /// <summary>Fixed axis ranges; by default round values around the data.</summary>
    public double? YMin { get; init; }

    /// <summary>Fixed axis ranges; by default round values around the data.</summary>
    public double? YMax { get; init; }

    /// <summary>Draw the dashed line y = x with this legend name (chance level of ROC, perfect calibration).</summary>
    public string? Diagonal { get; init; }

    /// <summary>Horizontal threshold lines.</summary>
    public IReadOnlyList<ReferenceLine> Lines { get; init; } = [];

    /// <summary>Formats x tick labels (e.g. times); numbers by default.</summary>
    public Func<double, string> XFormat { get; init; } = ChartFrame.DefaultFormat;

    /// <summary>Formats y tick labels and tooltips.</summary>
    public Func<double, string> YFormat { get; init; } = ChartFrame.DefaultFormat;

    /// <summary>Pixel size.</summary>
    public double Width { get; init; } = 560;

    /// <summary>Pixel size.</summary>
    public double Height { get; init; } = 400;

    /// <summary>The chart as a standalone SVG element.</summary>
    public string ToSvg()
    {
        var points = Series.SelectMany(s => s.Points).Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).ToList();
        var legend = Series.Select((s, i) => new LegendEntry(s.Name, ChartStyle.SeriesColor(i), IsLine: true)).ToList();
        if (Diagonal is not null)
            legend.Add(new LegendEntry(Diagonal, ChartStyle.AxisColor, IsLine: true, Dash: "4 4"));
        legend.AddRange(Lines.Select(l => new LegendEntry(l.Label, ChartStyle.ThresholdColor, IsLine: true, Dash: "6 3")));
        var frame = new ChartFrame(Width, Height, Title, legend);

        var (xMin, xMax) = Range(points.Select(p => p.X), XMin, XMax);
        var (yMin, yMax) = Range(points.Select(p => p.Y).Concat(Lines.Select(l => l.Value)), YMin, YMax);
        var x = new Scale(xMin, xMax, frame.Left, frame.Right);
        var y = new Scale(yMin, yMax, frame.Bottom, frame.Top);
        frame.YAxis(y, YAxisLabel, YFormat);
        var svg = frame.Svg;
        if (Diagonal is not null)
        {
            var lo = Math.Max(x.Min, y.Min);
            var hi = Math.Min(x.Max, y.Max);
            if (hi > lo)
                svg.Line(x.Map(lo), y.Map(lo), x.Map(hi), y.Map(hi), ChartStyle.AxisColor, 1, "4 4");
        }
        foreach (var line in Lines)
            svg.Line(frame.Left, y.Map(line.Value), frame.Right, y.Map(line.Value), ChartStyle.ThresholdColor, 2, "6 3");
        for (var s = 0; s < Series.Count; s++)
        {
            var color = ChartStyle.SeriesColor(s);
            var finite = Series[s].Points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).ToList();
            var path = Series[s].Step ? StepPath(finite) : finite;
            svg.Polyline(path.Select(p => (x.Map(p.X), y.Map(p.Y))), color);
            if (Series[s].Markers)
                foreach (var p in finite)
                    svg.Circle(x.Map(p.X), y.Map(p.Y), 3.5, color, $"{Series[s].Name}: ({XFormat(p.X)}, {YFormat(p.Y)})");
        }
        frame.XAxis(x, XAxisLabel, XFormat);
        frame.Legend();
        return svg.ToString();
    }

    private static (double Min, double Max) Range(IEnumerable<double> values, double? fixedMin, double? fixedMax)
    {
        var list = values.ToList();
        if (list.Count == 0)
            return (fixedMin ?? 0, fixedMax ?? 1);
        var (niceMin, niceMax) = Scale.NiceRange(list.Min(), list.Max(), fromZero: false);
        return (fixedMin ?? niceMin, fixedMax ?? niceMax);
    }

    private static List<(double X, double Y)> StepPath(List<(double X, double Y)> points)
    {
        var path = new List<(double X, double Y)>(points.Count * 2);
        for (var i = 0; i < points.Count; i++)
        {
            if (i > 0)
                path.Add((points[i].X, points[i - 1].Y));
            path.Add(points[i]);
        }
        return path;
    }
}
