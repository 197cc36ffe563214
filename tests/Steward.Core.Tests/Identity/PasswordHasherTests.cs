using Steward.Errors;
using Steward.Identity;

namespace Steward.Core.Tests.Identity;

public sealed class PasswordHasherTests
{
    [Fact]
    public void a_new_hash_uses_600000_iterations_and_a_random_salt()
    {
        var first = PasswordHasher.Hash("a long enough password");
        var second = PasswordHasher.Hash("a long enough password");
        Assert.StartsWith("pbkdf2-sha256$600000$", first, StringComparison.Ordinal);
        Assert.NotEqual(first, second);
        Assert.True(PasswordHasher.Verify("a long enough password", first));
    }

    [Fact]
    public void a_wrong_password_does_not_verify()
    {
        var stored = PasswordHasher.Hash("a long enough password", new byte[16], 1000);
        Assert.False(PasswordHasher.Verify("a long enough passwore", stored));
        Assert.False(PasswordHasher.Verify("", stored));
    }

    [Theory]
    [InlineData("")]
    [InlineData("md5$1$AA==$AA==")]
    [InlineData("pbkdf2-sha256$x$AA==$AA==")]
    [InlineData("pbkdf2-sha256$1000$not base64$AA==")]
    [InlineData("pbkdf2-sha256$1000$AA==")]
    public void a_malformed_stored_hash_verifies_nothing(string stored) =>
        Assert.False(PasswordHasher.Verify("anything at all", stored));

    [Fact]
    public void a_short_password_is_refused_naming_the_minimum()
    {
        var error = Assert.Throws<StewardException>(() => PasswordHasher.CheckNew("short"));
        Assert.Equal(ErrorCode.InvalidParameterValue, error.Code);
        Assert.Contains("at least 12 characters", error.Message, StringComparison.Ordinal);
    }
}
