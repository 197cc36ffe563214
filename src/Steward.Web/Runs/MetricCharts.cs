using System.Globalization;
using Steward.Reports.Charts;
using Steward.Tracking;

namespace Steward.Web.Runs;

/// <summary>What a metric chart's x axis measures.</summary>
public enum MetricAxis
{
    /// <summary>The step the run logged.</summary>
    Step,
    /// <summary>Seconds since the run's first point of the metric.</summary>
    Relative,
    /// <summary>Wall-clock time (UTC).</summary>
    Wall,
}

/// <summary>Metric histories drawn with the report charts' <see cref="LineChart"/>: one run, or several overlaid.</summary>
public static class MetricCharts
{
    /// <summary>Reads the <c>axis</c> query value; step by default.</summary>
    public static MetricAxis ParseAxis(string? value) => value?.ToLowerInvariant() switch
    {
        "relative" or "time" => MetricAxis.Relative,
        "wall" => MetricAxis.Wall,
        _ => MetricAxis.Step,
    };

    /// <summary>The query value of an axis.</summary>
    public static string AxisName(MetricAxis axis) => axis.ToString().ToLowerInvariant();

    /// <summary>One chart of <paramref name="key"/> with a line per run (a single run draws one line).</summary>
    /// <param name="key">The metric.</param>
    /// <param name="histories">Each run's name and its history of the metric.</param>
    /// <param name="axis">What x measures.</param>
    public static string Svg(string key, IReadOnlyList<(string Run, IReadOnlyList<Metric> History)> histories, MetricAxis axis)
    {
        ArgumentNullException.ThrowIfNull(histories);
        var series = histories.Select(h =>
        {
            var ordered = axis == MetricAxis.Step ? h.History.OrderBy(m => m.Step).ThenBy(m => m.Timestamp) : h.History.OrderBy(m => m.Timestamp).ThenBy(m => m.Step);
            var start = h.History.Count == 0 ? 0 : h.History.Min(m => m.Timestamp);
            var points = ordered.Select(m => (X: axis switch
            {
                MetricAxis.Step => (double)m.Step,
                MetricAxis.Relative => (m.Timestamp - start) / 1000.0,
                _ => (double)m.Timestamp,
            }, Y: m.Value)).ToList();
            // A single point is a dot, not an invisible line.
            return new LineSeries(h.Run, points) { Markers = points.Count <= 30 };
        }).ToList();
        return new LineChart
        {
            Title = key,
            Series = series,
            XAxisLabel = axis switch
            {
                MetricAxis.Step => "step",
                MetricAxis.Relative => "seconds since the first point",
                _ => "time (UTC)",
            },
            YAxisLabel = key,
            XFormat = axis == MetricAxis.Wall ? WallClock : value => value.ToString("0.###", CultureInfo.InvariantCulture),
            Width = 560,
            Height = 340,
        }.ToSvg();
    }

    private static string WallClock(double unixMilliseconds) =>
        DateTimeOffset.FromUnixTimeMilliseconds((long)unixMilliseconds).UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
}
