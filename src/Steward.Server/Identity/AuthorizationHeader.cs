using System.Text;
using Steward.Identity;

namespace Steward.Server.Identity;

/// <summary>Reads the <c>Authorization</c> header's scheme and credentials.</summary>
internal static class AuthorizationHeader
{
    /// <summary>The header's scheme (<c>Bearer</c>, <c>Basic</c>, …) and the credentials after it.</summary>
    public static (string Scheme, string Credentials) Split(string header)
    {
        var space = header.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? (header, "") : (header[..space], header[(space + 1)..].Trim());
    }

    /// <summary>The user name and password of an HTTP Basic header whose password is not a token; null otherwise.</summary>
    public static (string UserName, string Password)? BasicPassword(string header)
    {
        var (scheme, credentials) = Split(header);
        if (!scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase) || DecodeBasic(credentials) is not { } decoded) return null;
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0) return null;
        var password = decoded[(colon + 1)..];
        return ApiTokens.LooksLikeToken(password) ? null : (decoded[..colon], password);
    }

    /// <summary>Basic credentials decoded (<c>user:password</c>), or null when they are not base64.</summary>
    public static string? DecodeBasic(string credentials)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(credentials));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
