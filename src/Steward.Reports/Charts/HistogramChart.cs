namespace Steward.Reports.Charts;

/// <summary>The share of a sample in each bin (values sum to about 1 over the bins).</summary>
public sealed record HistogramSeries(string Name, IReadOnlyList<double> Shares);

/// <summary>
/// Histograms of several samples over shared bins, e.g. a column's reference sample against its current
/// sample. Bars sit at their bins' true positions, so unequal (quantile) bins show as such.
/// </summary>
public sealed class HistogramChart
{
    /// <summary>The chart's title, also its accessible name.</summary>
    public required string Title { get; init; }

    /// <summary>n + 1 finite, increasing edges of n bins.</summary>
    public required IReadOnlyList<double> BinEdges { get; init; }

    /// <summary>One or more samples, each with n shares; drawn side by side within each bin.</summary>
    public required IReadOnlyList<HistogramSeries> Series { get; init; }

    /// <summary>The x axis title (usually the column's name).</summary>
    public string? XAxisLabel { get; init; }

    /// <summary>The y axis title.</summary>
    public string YAxisLabel { get; init; } = "share of rows";

    /// <summary>Formats values for tick labels and tooltips.</summary>
    public Func<double, string> Format { get; init; } = ChartFrame.DefaultFormat;

    /// <summary>Pixel size.</summary>
    public double Width { get; init; } = 720;

    /// <summary>Pixel size.</summary>
    public double Height { get; init; } = 340;

    /// <summary>The chart as a standalone SVG element.</summary>
    public string ToSvg()
    {
        var bins = BinEdges.Count - 1;
        if (bins < 1)
            throw new ArgumentException("a histogram needs at least two bin edges");
        for (var i = 0; i < BinEdges.Count; i++)
            if (!double.IsFinite(BinEdges[i]) || (i > 0 && BinEdges[i] < BinEdges[i - 1]))
                throw new ArgumentException("histogram bin edges must be finite and increasing");
        foreach (var s in Series)
            if (s.Shares.Count != bins)
                throw new ArgumentException($"series '{s.Name}' has {s.Shares.Count} shares for {bins} bins");

        var frame = new ChartFrame(Width, Height, Title,
            Series.Select((s, i) => new LegendEntry(s.Name, ChartStyle.SeriesColor(i))).ToList());
        var maxShare = Series.SelectMany(s => s.Shares).Where(double.IsFinite).DefaultIfEmpty(1).Max();
        var (yMin, yMax) = Scale.NiceRange(0, maxShare, fromZero: true);
        var y = new Scale(yMin, yMax, frame.Bottom, frame.Top);
        var x = new Scale(BinEdges[0], BinEdges[^1], frame.Left, frame.Right);
        frame.YAxis(y, YAxisLabel, Format);
        var svg = frame.Svg;
        // The samples stand side by side inside each bin, so neither hides the other.
        for (var b = 0; b < bins; b++)
        {
            var left = x.Map(BinEdges[b]);
            var slot = Math.Max(1, x.Map(BinEdges[b + 1]) - left - 1) / Series.Count;
            for (var s = 0; s < Series.Count; s++)
            {
                var share = Series[s].Shares[b];
                if (!double.IsFinite(share))
                    continue;
                var top = y.Map(share);
                svg.Rect(left + 0.5 + s * slot, top, Math.Max(0.5, slot), frame.Bottom - top, ChartStyle.SeriesColor(s),
                    $"{Series[s].Name}, [{Format(BinEdges[b])}, {Format(BinEdges[b + 1])}): {Format(share)}");
            }
        }
        frame.XAxis(x, XAxisLabel, Format);
        frame.Legend();
        return svg.ToString();
    }
}
