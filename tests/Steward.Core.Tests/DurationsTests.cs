namespace Steward.Core.Tests;

/// <summary>One reading of a typed duration for expiries, <c>--since</c> and intervals.</summary>
public sealed class DurationsTests
{
    [Theory]
    [InlineData("500ms", 0.5)]
    [InlineData("45s", 45)]
    [InlineData("30m", 1_800)]
    [InlineData("1.5h", 5_400)]
    [InlineData(" 12H ", 43_200)]
    [InlineData("30d", 2_592_000)]
    [InlineData("2w", 1_209_600)]
    public void a_number_and_a_unit_is_that_long(string text, double seconds)
    {
        Assert.True(Durations.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("7")]
    [InlineData("d")]
    [InlineData("0d")]
    [InlineData("-3d")]
    [InlineData("7x")]
    [InlineData("1e3s")]
    [InlineData("soon")]
    [InlineData("99999999999999d")]
    public void anything_else_is_not_a_duration(string text) =>
        Assert.False(Durations.TryParse(text, out _));
}
