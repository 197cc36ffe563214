using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Steward.Errors;

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
    /// <c>never</c> (only when said explicitly), a duration such as <c>30d</c> or <c>12h</c>, or an
    /// ISO 8601 date or time (<c>2027-01-31</c>, UTC when no offset is given).
    /// </summary>
    /// <returns>Unix milliseconds, or null for a token that never expires.</returns>
    public static long? ExpiresAt(string? expires, DateTimeOffset now)
    {
        var text = expires?.Trim() ?? "";
        if (text.Length == 0) return (now + DefaultLifetime).ToUnixTimeMilliseconds();
        if (text.Equals("never", StringComparison.OrdinalIgnoreCase)) return null;

        TimeSpan? lifetime = null;
        if (text.Length > 1 && (text[^1] is 'd' or 'D' or 'h' or 'H')
            && int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            if (count < 1) throw Invalid(expires, "a duration must be at least 1");
            lifetime = char.ToLowerInvariant(text[^1]) == 'd' ? TimeSpan.FromDays(count) : TimeSpan.FromHours(count);
        }
        else if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            if (at <= now) throw Invalid(expires, $"it is not in the future (now is {now.UtcDateTime:yyyy-MM-dd HH:mm} UTC)");
            lifetime = at - now;
        }

        if (lifetime is null) throw Invalid(expires, "expected a duration such as 30d or 12h, a date such as 2027-01-31, or never");
        if (lifetime > MaxLifetime) throw Invalid(expires, $"a token may live at most {MaxLifetime.TotalDays:0} days; say 'never' for a token that does not expire");
        return (now + lifetime.Value).ToUnixTimeMilliseconds();
    }

    private static StewardException Invalid(string? expires, string reason) =>
        StewardException.Invalid($"Invalid value '{expires}' for 'expires': {reason}.");
}
