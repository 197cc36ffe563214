using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Steward.Identity;

namespace Steward.Server.Identity;

/// <summary>
/// A user name and password, HTTP Basic (<c>MLFLOW_TRACKING_USERNAME</c>/<c>PASSWORD</c>), whose
/// password is not a token.
/// </summary>
/// <remarks>
/// A password costs the slow hash, so <see cref="FailedAuthenticationThrottle"/> guards it: while
/// the client's address or the user name is held back, only a password this server verified
/// moments ago gets in, and every other is answered 429 without being hashed.
/// </remarks>
internal sealed class PasswordAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AuthenticationDenials denials,
    Authenticator authenticator, FailedAuthenticationThrottle throttle)
    : CredentialHandler(options, logger, encoder, denials)
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "Password";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (AuthorizationHeader.BasicPassword(Request.Headers.Authorization.ToString()) is not var (userName, password)) return AuthenticateResult.NoResult();
        var address = ClientAddress;
        var addressWait = throttle.AddressRetryAfter(address);
        if ((addressWait ?? throttle.UserRetryAfter(userName)) is { } wait)
        {
            // Only a password this server verified moments ago is let in without PBKDF2.
            if (authenticator.AuthenticateRecentPassword(userName, password) is { } recent) return Outcome(recent);
            var message = addressWait is not null
                ? ThrottledAddressMessage(wait)
                : $"Too many wrong passwords for user '{userName}': passwords for it are not checked for {Seconds(wait)} s; its tokens still work.";
            return Outcome(AuthenticationResult.Refused(null, message), wait);
        }

        var result = await authenticator.AuthenticateBasicAsync(userName, password, Context.RequestAborted);
        if (!result.Succeeded) throttle.RecordFailure(address, userName);
        return Outcome(result);
    }
}
