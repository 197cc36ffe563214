namespace Steward.Cli.Infrastructure;

/// <summary>A duration given to a command-line option, read as everywhere else (<see cref="Steward.Durations"/>).</summary>
internal static class DurationOptions
{
    /// <exception cref="CliException">The text is not a positive duration; the message names the option.</exception>
    public static TimeSpan Parse(string text, string option) =>
        Steward.Durations.TryParse(text, out var duration)
            ? duration
            : throw new CliException($"{option} must be a positive duration such as 500ms, 30s or 5m, got '{text}'");
}
