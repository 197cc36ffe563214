using System.Globalization;
using System.Text.RegularExpressions;

namespace Steward.Cli.Infrastructure;

/// <summary>
/// Points in time as people type them on a command line: an ISO 8601 date
/// (<c>2026-12-01</c>, midnight UTC) or date-time (<c>2026-12-01T08:30:00Z</c>, UTC unless it
/// names an offset), or how long ago (a <see cref="Durations"/>: <c>45s</c>, <c>30m</c>, <c>12h</c>, <c>7d</c>, <c>2w</c>).
/// </summary>
internal static partial class PointsInTime
{
    /// <returns>The time, in UTC; null when <paramref name="text"/> is empty.</returns>
    /// <exception cref="CliException">The text is neither; the message names the option.</exception>
    public static DateTimeOffset? Parse(string? text, string option, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        text = text.Trim();
        if (Steward.Durations.TryParse(text, out var ago))
        {
            if (ago > now.UtcDateTime - DateTime.MinValue) throw new CliException($"{option} reaches back before the year 1: '{text}'");
            return now.ToUniversalTime() - ago;
        }

        if (Iso().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }

        throw new CliException($"{option} must be an ISO 8601 date or date-time (2026-12-01, 2026-12-01T08:30:00Z) or how long ago (30m, 12h, 7d), got '{text}'");
    }

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Iso();
}
