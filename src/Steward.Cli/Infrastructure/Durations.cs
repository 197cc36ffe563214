using System.Globalization;

namespace Steward.Cli.Infrastructure;

/// <summary>Durations as people type them on a command line: <c>500ms</c>, <c>30s</c>, <c>5m</c>, <c>1h</c>.</summary>
internal static class Durations
{
    /// <exception cref="CliException">The text is not a positive duration; the message names the option.</exception>
    public static TimeSpan Parse(string text, string option)
    {
        var units = new (string Suffix, Func<double, TimeSpan> Make)[]
        {
            ("ms", TimeSpan.FromMilliseconds), ("s", TimeSpan.FromSeconds), ("m", TimeSpan.FromMinutes), ("h", TimeSpan.FromHours),
        };
        foreach (var (suffix, make) in units)
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal)
                && double.TryParse(text[..^suffix.Length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                && value > 0)
            {
                return make(value);
            }
        }

        throw new CliException($"{option} must be a positive duration such as 500ms, 30s or 5m, got '{text}'");
    }
}
