using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Steward.Identity;

/// <summary>
/// API token secrets: <c>stw_</c> followed by 32 random bytes (256 bits) in base64url, so that a
/// token is recognisable in a config file or a leak scan. Only the SHA-256 of the secret is
/// stored: the secret carries 256 bits of entropy, so a fast hash is as strong as a slow one.
/// </summary>
public static class ApiTokens
{
    public const string Prefix = "stw_";

    /// <summary>Random bytes in a secret.</summary>
    public const int SecretBytes = 32;

    /// <summary>How long a token lives when its creator says nothing.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(90);

    /// <summary>The longest lifetime a token may be given short of "never".</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(3650);

    /// <summary>A new secret: <c>stw_</c> and 43 base64url characters.</summary>
    public static string NewSecret() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));

    /// <summary>A new public token id: 16 hex characters.</summary>
    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    /// <summary>Lowercase hex SHA-256 of the secret's UTF-8 bytes: what the database keeps.</summary>
    public static string Hash(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
    }

    /// <summary>True when a credential has the shape of a Steward token (so HTTP Basic treats it as one, not as a password).</summary>
    public static bool LooksLikeToken(string credential) => credential.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>
    /// When a token expires, from what its creator asked: nothing for <see cref="DefaultLifetime"/>,
    /// <c>never</c> (only when said explicitly), or what <see cref="Expiries.Parse"/> reads (a
    /// duration such as <c>30d</c> or <c>12h</c>, an ISO 8601 date or time), at most <see cref="MaxLifetime"/>.
    /// </summary>
    /// <returns>Unix milliseconds, or null for a token that never expires.</returns>
    public static long? ExpiresAt(string? expires, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(expires)) return (now + DefaultLifetime).ToUnixTimeMilliseconds();
        if (Expiries.Parse(expires, now, allowNever: true) is not { } at) return null;
        if (at - now > MaxLifetime)
        {
            throw Expiries.Invalid(expires, "expires", $"a token may live at most {MaxLifetime.TotalDays:0} days; say 'never' for a token that does not expire");
        }

        return at.ToUnixTimeMilliseconds();
    }
}
