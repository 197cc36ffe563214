using System.Globalization;

namespace Steward.Web.Components.Shared;

/// <summary>How the UI writes times, numbers and links, in one place.</summary>
public static class Display
{
    /// <summary>Unix milliseconds as UTC, to the second.</summary>
    public static string Time(long? unixMilliseconds) => unixMilliseconds is { } ms
        ? DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
        : "—";

    /// <summary>A time as UTC, to the second.</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>A metric value: up to 6 significant digits, NaN and infinities spelled out.</summary>
    public static string Number(double value) => double.IsFinite(value)
        ? value.ToString("G6", CultureInfo.InvariantCulture)
        : double.IsNaN(value) ? "NaN" : value > 0 ? "+Inf" : "-Inf";

    /// <summary>A duration between two Unix-millisecond times.</summary>
    public static string Duration(long start, long? end)
    {
        if (end is null) return "running";
        var span = TimeSpan.FromMilliseconds(Math.Max(0, end.Value - start));
        return span.TotalHours >= 1 ? $"{(int)span.TotalHours}h {span.Minutes}m" : span.TotalMinutes >= 1 ? $"{span.Minutes}m {span.Seconds}s" : $"{span.TotalSeconds:0.0}s";
    }

    /// <summary>A path segment, escaped.</summary>
    public static string Segment(string value) => Uri.EscapeDataString(value);

    /// <summary>The page of a model.</summary>
    public static string ModelHref(string name) => $"/models/{Segment(name)}";

    /// <summary>The page of a model version.</summary>
    public static string VersionHref(string name, int version) => $"/models/{Segment(name)}/versions/{version}";

    /// <summary>The page of a run.</summary>
    public static string RunHref(string runId) => $"/runs/{Segment(runId)}";

    /// <summary>A query string from the pairs whose value is not empty.</summary>
    public static string Query(params (string Name, string? Value)[] pairs)
    {
        var parts = pairs.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }
}
