using System.Globalization;

namespace Steward;

/// <summary>
/// A length of time as people type it, the one reading for every place that takes one (token and
/// waiver expiries, the ledger's <c>--since</c>, the CLI's intervals): a positive number and a
/// unit — <c>ms</c>, <c>s</c>, <c>m</c>, <c>h</c>, <c>d</c> or <c>w</c> (<c>500ms</c>, <c>45s</c>,
/// <c>30m</c>, <c>1.5h</c>, <c>30d</c>, <c>2w</c>).
/// </summary>
public static class Durations
{
    /// <summary>What a duration may be, for messages.</summary>
    public const string Forms = "a number and a unit: ms, s, m, h, d or w (500ms, 45s, 30m, 12h, 30d, 2w)";

    /// <summary>Reads <paramref name="text"/>; false for anything else, for 0, and for a span beyond what a time can hold.</summary>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length < 2) return false;
        var milliseconds = trimmed.EndsWith("ms", StringComparison.OrdinalIgnoreCase);
        var number = trimmed[..^(milliseconds ? 2 : 1)];
        var unitSeconds = milliseconds ? 0.001 : char.ToLowerInvariant(trimmed[^1]) switch
        {
            's' => 1.0,
            'm' => 60.0,
            'h' => 3_600.0,
            'd' => 86_400.0,
            'w' => 604_800.0,
            _ => 0.0,
        };
        if (unitSeconds == 0 || !decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var count) || count <= 0)
        {
            return false;
        }

        var seconds = (double)count * unitSeconds;
        // Ten thousand years: more than any date holds, well inside what a TimeSpan does.
        if (seconds > 10_000 * 366 * 86_400.0) return false;
        duration = TimeSpan.FromSeconds(seconds);
        return true;
    }
}
