using Steward.Errors;

namespace Steward.Core.Tests;

/// <summary>The one reading of an expiry, shared by tokens and waivers.</summary>
public sealed class ExpiriesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("30d", 30 * 24)]
    [InlineData("30D", 30 * 24)]
    [InlineData("12h", 12)]
    [InlineData(" 1d ", 24)]
    [InlineData("2026-03-31", 30 * 24 - 12)]
    [InlineData("2026-03-02T12:00:00Z", 24)]
    [InlineData("2026-03-02T14:00:00+02:00", 24)]
    public void an_expiry_is_a_duration_from_now_or_a_date(string expires, int hours) =>
        Assert.Equal(Now.AddHours(hours), Expiries.Parse(expires, Now, allowNever: false));

    [Fact]
    public void never_is_read_only_where_the_caller_allows_it()
    {
        Assert.Null(Expiries.Parse("never", Now, allowNever: true));
        var error = Assert.Throws<StewardException>(() => Expiries.Parse("never", Now, allowNever: false));
        Assert.Contains("'never' is not allowed", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0d", "expected a duration")]
    [InlineData("-3d", "expected a duration")]
    [InlineData("2026-02-01", "not in the future")]
    [InlineData("soon", "expected a duration")]
    [InlineData("30x", "expected a duration")]
    [InlineData("", "expected a duration")]
    public void a_bad_expiry_is_refused_naming_the_field_and_why(string expires, string reason)
    {
        var error = Assert.Throws<StewardException>(() => Expiries.Parse(expires, Now, allowNever: false, field: "expires"));
        Assert.Equal(ErrorCode.InvalidParameterValue, error.Code);
        Assert.Contains("'expires'", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }
}
