using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Steward.Identity;
using Steward.Web.Session;

namespace Steward.Server.Identity;

/// <summary>
/// The web UI's session cookie (<see cref="UiSession"/>): the token it holds is checked as a
/// Bearer token would be, so revoking the token or disabling the user ends the session. Only UI
/// pages read it; the JSON APIs never do, so a browser session cannot drive them from another page.
/// </summary>
/// <remarks>
/// A session that no longer holds ends at once (the cookie is deleted, the refusal counted); the
/// sign-in page and the style sheet still load, any other page sends the browser to sign in again.
/// </remarks>
internal sealed class SessionAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AuthenticationDenials denials,
    Authenticator authenticator, UiSession session)
    : CredentialHandler(options, logger, encoder, denials)
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "Session";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (session.ReadToken(Context) is not { } token) return AuthenticateResult.NoResult();
        var result = await authenticator.AuthenticateTokenAsync(token, Context.RequestAborted);
        if (!result.Succeeded) session.SignOut(Context);
        return Outcome(result);
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Redirect($"{UiPaths.SignIn}?ended=1&returnUrl={Uri.EscapeDataString(Request.Path + Request.QueryString)}");
        return Task.CompletedTask;
    }
}
