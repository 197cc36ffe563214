using Steward.Identity;

namespace Steward.Core.Tests.Identity;

/// <summary>
/// Token and password hashes against values computed independently with Python's hashlib by
/// <c>identity_reference.py</c> beside this file (each expected value names its output line).
/// </summary>
public sealed class IdentityReferenceTests
{
    private static readonly byte[] Salt = [.. Enumerable.Range(0, 16).Select(i => (byte)i)];

    [Fact]
    public void a_token_is_stored_as_the_lowercase_hex_sha256_of_its_utf8_bytes()
    {
        // identity_reference.py: "sha256(stw_ + 43*A)"
        Assert.Equal("33e4b295d7ade1ad7451be27da60b2d0878b239bbcb1d9cb7eebbab8f43c41d0", ApiTokens.Hash("stw_" + new string('A', 43)));
    }

    [Theory]
    // identity_reference.py: "pbkdf2 1000"
    [InlineData("correct horse battery staple", 1000, "pbkdf2-sha256$1000$AAECAwQFBgcICQoLDA0ODw==$ppsXnjrdPB4KryJ6DrOqKqhkWrhv7PbKAMF1Eml8cZ4=")]
    // identity_reference.py: "pbkdf2 600000" (the count Steward uses)
    [InlineData("correct horse battery staple", 600000, "pbkdf2-sha256$600000$AAECAwQFBgcICQoLDA0ODw==$7xdxRO7JQgy8EJPSqLNEqSvFBtDU7JwCjdGfgyTYweY=")]
    // identity_reference.py: "pbkdf2 1000 non-ascii"
    [InlineData("pässwörd-ñ-日本語", 1000, "pbkdf2-sha256$1000$AAECAwQFBgcICQoLDA0ODw==$U+INulzRcewBd0/4FmFaqmr04TwWX4O+4kMVj/gUOyE=")]
    public void a_password_hash_is_pbkdf2_hmac_sha256_as_hashlib_computes_it(string password, int iterations, string expected)
    {
        Assert.Equal(expected, PasswordHasher.Hash(password, Salt, iterations));
        Assert.True(PasswordHasher.Verify(password, expected));
    }
}
