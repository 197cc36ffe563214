using Steward.Cli.Infrastructure;

namespace Steward.Cli.Tests;

/// <summary>Times as <c>--since</c>/<c>--until</c> take them: ISO 8601 dates and date-times, or how long ago.</summary>
public sealed class PointsInTimeTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("7d", "2026-11-30T12:00:00Z")]
    [InlineData("12h", "2026-12-07T00:00:00Z")]
    [InlineData("30m", "2026-12-07T11:30:00Z")]
    [InlineData("45s", "2026-12-07T11:59:15Z")]
    [InlineData("2w", "2026-11-23T12:00:00Z")]
    [InlineData("1.5h", "2026-12-07T10:30:00Z")]
    public void a_duration_means_that_long_ago(string text, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), PointsInTime.Parse(text, "--since", Now));

    [Theory]
    [InlineData("2026-12-01", "2026-12-01T00:00:00Z")]
    [InlineData("2026-12-01T08:30", "2026-12-01T08:30:00Z")]
    [InlineData("2026-12-01T08:30:00Z", "2026-12-01T08:30:00Z")]
    [InlineData("2026-12-01T08:30:00.250Z", "2026-12-01T08:30:00.250Z")]
    [InlineData("2026-12-01T08:30:00+02:00", "2026-12-01T06:30:00Z")]
    public void an_iso_date_or_date_time_is_utc_unless_it_names_an_offset(string text, string expected)
    {
        var time = PointsInTime.Parse(text, "--since", Now);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), time);
        Assert.Equal(TimeSpan.Zero, time!.Value.Offset);
    }

    [Fact]
    public void nothing_given_is_no_bound() => Assert.Null(PointsInTime.Parse(null, "--until", Now));

    [Theory]
    [InlineData("yesterday")]
    [InlineData("7")]
    [InlineData("7x")]
    [InlineData("-7d")]
    [InlineData("12/01/2026")]
    [InlineData("2026-13-01")]
    [InlineData("99999999999999d")]
    public void anything_else_is_rejected_naming_the_option(string text)
    {
        var error = Assert.Throws<CliException>(() => PointsInTime.Parse(text, "--until", Now));
        Assert.StartsWith("--until ", error.Message, StringComparison.Ordinal);
        Assert.Contains(text, error.Message, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadInput, error.ExitCode);
    }
}
