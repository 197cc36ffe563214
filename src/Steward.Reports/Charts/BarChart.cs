namespace Steward.Reports.Charts;

/// <summary>One bar per category for a named measure; null where the value is undefined (drawn as "n/a").</summary>
public sealed record BarSeries(string Name, IReadOnlyList<double?> Values);

/// <summary>A horizontal line across a chart at <paramref name="Value"/>, named in the legend (e.g. a fairness threshold).</summary>
public sealed record ReferenceLine(double Value, string Label);

/// <summary>
/// Grouped bars: for each category (e.g. a group of a sensitive feature) one bar per series
/// (e.g. selection rate, false positive rate), with optional threshold lines.
/// </summary>
public sealed class BarChart
{
    /// <summary>The chart's title, also its accessible name.</summary>
    public required string Title { get; init; }

    /// <summary>The categories along the x axis, in order.</summary>
    public required IReadOnlyList<string> Categories { get; init; }

    /// <summary>The measures; each has one value per category.</summary>
    public required IReadOnlyList<BarSeries> Series { get; init; }

    /// <summary>The y axis title.</summary>
    public string? YAxisLabel { get; init; }

    /// <summary>The x axis title.</summary>
    public string? XAxisLabel { get; init; }

    /// <summary>Top of the y axis; by default a round value above the largest bar or line.</summary>
    public double? YMax { get; init; }

    /// <summary>Horizontal threshold lines.</summary>
    public IReadOnlyList<ReferenceLine> Lines { get; init; } = [];

    /// <summary>Formats values for tick labels and tooltips.</summary>
    public Func<double, string> Format { get; init; } = ChartFrame.DefaultFormat;

    /// <summary>Pixel size.</summary>
    public double Width { get; init; } = 720;

    /// <summary>Pixel size.</summary>
    public double Height { get; init; } = 380;

    /// <summary>The chart as a standalone SVG element.</summary>
    public string ToSvg()
    {
        foreach (var s in Series)
            if (s.Values.Count != Categories.Count)
                throw new ArgumentException($"series '{s.Name}' has {s.Values.Count} values for {Categories.Count} categories");
        var legend = Series.Select((s, i) => new LegendEntry(s.Name, ChartStyle.SeriesColor(i)))
            .Concat(Lines.Select(l => new LegendEntry(l.Label, ChartStyle.ThresholdColor, IsLine: true, Dash: "6 3"))).ToList();
        // Category names slant when they would not fit side by side under their bars.
        var band = (Width - 84) / Math.Max(1, Categories.Count);
        var longest = Categories.Select(ChartFrame.TextWidth).DefaultIfEmpty(0).Max();
        var rotate = longest > band - 6;
        var slantSpace = rotate ? Math.Min(140, longest * Math.Sin(Math.PI * 35 / 180)) : 0;
        // A slanted label ends under its bar and runs left; the first one must not run off the picture.
        var firstOverhang = rotate && Categories.Count > 0
            ? ChartFrame.TextWidth(Categories[0]) * Math.Cos(Math.PI * 35 / 180) - (64 + band / 2) + 4
            : 0;
        var frame = new ChartFrame(Width, Height, Title, legend, slantSpace, Math.Clamp(firstOverhang, 0, Width / 4));
        var values = Series.SelectMany(s => s.Values).Where(v => v is not null && double.IsFinite(v.Value)).Select(v => v!.Value)
            .Concat(Lines.Select(l => l.Value)).DefaultIfEmpty(1).ToList();
        var (min, max) = Scale.NiceRange(values.Min(), values.Max(), fromZero: true);
        var y = new Scale(min, YMax ?? max, frame.Bottom, frame.Top);
        frame.YAxis(y, YAxisLabel, Format);

        band = (frame.Right - frame.Left) / Math.Max(1, Categories.Count);
        var barWidth = band * 0.8 / Math.Max(1, Series.Count);
        var svg = frame.Svg;
        for (var c = 0; c < Categories.Count; c++)
        {
            var bandLeft = frame.Left + c * band + band * 0.1;
            for (var s = 0; s < Series.Count; s++)
            {
                var x = bandLeft + s * barWidth;
                var value = Series[s].Values[c];
                if (value is null || !double.IsFinite(value.Value))
                {
                    svg.Text(x + barWidth / 2, frame.Bottom - 4, "n/a", "middle", ChartStyle.AxisColor, size: 10);
                    continue;
                }
                var top = y.Map(Math.Min(value.Value, y.Max));
                var zero = y.Map(Math.Max(0, y.Min));
                svg.Rect(x, Math.Min(top, zero), barWidth - 1, Math.Abs(zero - top), ChartStyle.SeriesColor(s),
                    $"{Categories[c]} — {Series[s].Name}: {Format(value.Value)}");
            }
            var labelX = frame.Left + c * band + band / 2;
            if (rotate)
                svg.Text(labelX, frame.Bottom + 14, Categories[c], "end", rotate: -35);
            else
                svg.Text(labelX, frame.Bottom + 17, Categories[c], "middle");
        }
        foreach (var line in Lines)
        {
            var py = y.Map(line.Value);
            svg.Line(frame.Left, py, frame.Right, py, ChartStyle.ThresholdColor, 2, "6 3");
        }
        frame.XAxisLine(XAxisLabel, 36 + slantSpace);
        frame.Legend();
        return svg.ToString();
    }
}
