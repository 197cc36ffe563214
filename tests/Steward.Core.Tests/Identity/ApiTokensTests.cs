using Steward.Errors;
using Steward.Identity;

namespace Steward.Core.Tests.Identity;

public sealed class ApiTokensTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void a_secret_is_the_prefix_and_256_random_bits_in_base64url()
    {
        var secrets = Enumerable.Range(0, 100).Select(_ => ApiTokens.NewSecret()).ToList();
        Assert.All(secrets, s =>
        {
            Assert.Matches("^stw_[A-Za-z0-9_-]{43}$", s);
            Assert.Equal(32, System.Buffers.Text.Base64Url.DecodeFromChars(s.AsSpan(4)).Length);
        });
        Assert.Equal(100, secrets.Distinct().Count());
    }

    [Fact]
    public void without_an_expiry_a_token_lives_90_days() =>
        Assert.Equal(Now.AddDays(90).ToUnixTimeMilliseconds(), ApiTokens.ExpiresAt(null, Now));

    [Fact]
    public void never_must_be_said_to_get_a_token_that_does_not_expire()
    {
        Assert.Null(ApiTokens.ExpiresAt("never", Now));
        Assert.NotNull(ApiTokens.ExpiresAt("", Now));
    }

    [Theory]
    [InlineData("30d", 30 * 24)]
    [InlineData("12h", 12)]
    [InlineData("2026-03-31", 30 * 24 - 12)]
    [InlineData("2026-03-02T12:00:00Z", 24)]
    public void an_expiry_is_a_duration_or_a_date(string expires, int hours) =>
        Assert.Equal(Now.AddHours(hours).ToUnixTimeMilliseconds(), ApiTokens.ExpiresAt(expires, Now));

    [Theory]
    [InlineData("0d", "expected a duration")]
    [InlineData("2026-02-01", "not in the future")]
    [InlineData("soon", "expected a duration")]
    [InlineData("4000d", "at most 3650 days")]
    public void a_bad_expiry_is_refused_naming_the_field(string expires, string reason)
    {
        var error = Assert.Throws<StewardException>(() => ApiTokens.ExpiresAt(expires, Now));
        Assert.Equal(ErrorCode.InvalidParameterValue, error.Code);
        Assert.Contains("'expires'", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }
}
