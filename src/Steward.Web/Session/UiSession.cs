using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;

namespace Steward.Web.Session;

/// <summary>
/// The signed-in session: the API token the user signed in with, encrypted into an HttpOnly,
/// SameSite=Strict cookie. Every request checks the token again, exactly as the API checks a
/// Bearer token, so revoking it, letting it expire or disabling the user ends the session.
/// </summary>
public sealed class UiSession(IDataProtectionProvider protection)
{
    /// <summary>The cookie's name.</summary>
    public const string CookieName = "steward-session";

    private readonly IDataProtector _protector = protection.CreateProtector("Steward.Web.Session.v1");

    /// <summary>The token of the session the request carries, or null (no cookie, or one these keys did not make).</summary>
    public string? ReadToken(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!http.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value)) return null;
        try
        {
            return _protector.Unprotect(value);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>Starts a session for a token already checked.</summary>
    public void SignIn(HttpContext http, string token)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Cookies.Append(CookieName, _protector.Protect(token), Options(http));
    }

    /// <summary>Ends the session.</summary>
    public void SignOut(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Cookies.Delete(CookieName, Options(http));
    }

    private static CookieOptions Options(HttpContext http) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = http.Request.IsHttps,
        Path = "/",
        IsEssential = true,
    };
}
