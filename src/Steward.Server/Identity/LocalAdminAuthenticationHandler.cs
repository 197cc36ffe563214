using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Steward.Identity;
using Steward.Web.Session;

namespace Steward.Server.Identity;

/// <summary>
/// A request without credentials. On a server bound to loopback (and not told to require
/// tokens, <see cref="AuthenticationPolicy"/>) it acts as the local admin; elsewhere it proves no
/// one, and where credentials are needed an API request is refused with 401 and the challenges,
/// and a UI page sends the browser to sign in.
/// </summary>
internal sealed class LocalAdminAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AuthenticationDenials denials,
    AuthenticationPolicy policy)
    : CredentialHandler(options, logger, encoder, denials)
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "LocalAdmin";

    private const string CredentialsAreRequired =
        "Credentials are required: send 'Authorization: Bearer <token>' (MLFLOW_TRACKING_TOKEN, STEWARD_TOKEN) or HTTP Basic with a user name and a password or token (MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD).";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
        Task.FromResult(policy.CredentialsRequired ? AuthenticateResult.NoResult() : Succeed(Principal.LocalAdmin));

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (UiPaths.IsUi(Request.Path))
        {
            // Not a refusal but the way in: the page asked for is where sign-in returns.
            Response.Redirect($"{UiPaths.SignIn}?returnUrl={Uri.EscapeDataString(Request.Path + Request.QueryString)}");
            return Task.CompletedTask;
        }

        CountDenial(null, "unauthenticated", CredentialsAreRequired);
        return RefuseAsync(CredentialsAreRequired, retryAfter: null);
    }
}
