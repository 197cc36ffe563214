using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Steward.Errors;

namespace Steward.Identity;

/// <summary>
/// Password hashes: PBKDF2 with HMAC-SHA-256, a 16-byte random salt and
/// <see cref="Iterations"/> iterations (OWASP's figure for PBKDF2-SHA-256), written as
/// <c>pbkdf2-sha256$&lt;iterations&gt;$&lt;salt base64&gt;$&lt;hash base64&gt;</c> so that the
/// count can be raised later without breaking stored hashes.
/// </summary>
public static class PasswordHasher
{
    public const int Iterations = 600_000;
    public const int MinLength = 12;
    public const int MaxLength = 1024;

    private const string Scheme = "pbkdf2-sha256";
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    /// <summary>Checks a new password's length, naming the field.</summary>
    public static string CheckNew(string? password, string field = "password")
    {
        Validation.Required(password, field);
        if (password!.Length < MinLength) throw StewardException.Invalid($"'{field}' must be at least {MinLength} characters long.");
        if (password.Length > MaxLength) throw StewardException.Invalid($"'{field}' must be at most {MaxLength} characters long.");
        return password;
    }

    public static string Hash(string password) => Hash(password, RandomNumberGenerator.GetBytes(SaltBytes), Iterations);

    /// <summary>The hash of <paramref name="password"/> with a given salt and count (also for tests against reference values).</summary>
    public static string Hash(string password, byte[] salt, int iterations)
    {
        ArgumentNullException.ThrowIfNull(password);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, HashBytes);
        return string.Create(CultureInfo.InvariantCulture, $"{Scheme}${iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}");
    }

    /// <summary>True when <paramref name="password"/> is the one <paramref name="stored"/> was made from; false for a malformed hash.</summary>
    public static bool Verify(string password, string stored)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(stored);
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != Scheme
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations < 1)
        {
            return false;
        }

        byte[] salt, expected;
        try
        {
            salt = Convert.FromBase64String(parts[2]);
            expected = Convert.FromBase64String(parts[3]);
        }
        catch (FormatException)
        {
            return false;
        }

        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
