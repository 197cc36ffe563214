using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Steward.Identity;

namespace Steward.Server.Identity;

/// <summary>
/// An API token: <c>Authorization: Bearer &lt;token&gt;</c> (MLflow's <c>MLFLOW_TRACKING_TOKEN</c>)
/// or HTTP Basic with the token as the password. Also answers any other Authorization header (an
/// unknown scheme, malformed Basic credentials) with the reason it is refused.
/// </summary>
/// <remarks>
/// A token is cheap to check (one hash and an indexed lookup), so it is always checked: a valid
/// one gets in however many wrong ones came from the same address. A wrong one from an address
/// <see cref="FailedAuthenticationThrottle"/> holds back is answered 429.
/// </remarks>
internal sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AuthenticationDenials denials,
    Authenticator authenticator, FailedAuthenticationThrottle throttle)
    : CredentialHandler(options, logger, encoder, denials)
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "Token";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var address = ClientAddress;
        var addressWait = throttle.AddressRetryAfter(address);
        var result = await AuthenticateAsync(Request.Headers.Authorization.ToString(), Context.RequestAborted);
        if (result.Succeeded) return Succeed(result.Principal!);
        throttle.RecordFailure(address);
        return addressWait is { } wait
            ? Outcome(AuthenticationResult.Refused(result.KnownUser, ThrottledAddressMessage(wait)), wait)
            : Outcome(result);
    }

    private Task<AuthenticationResult> AuthenticateAsync(string header, CancellationToken cancellationToken)
    {
        var (scheme, credentials) = AuthorizationHeader.Split(header);
        if (scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return credentials.Length == 0
                ? Task.FromResult(AuthenticationResult.Refused(null, "The Bearer credentials are empty."))
                : authenticator.AuthenticateTokenAsync(credentials, cancellationToken);
        }

        if (scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            if (AuthorizationHeader.DecodeBasic(credentials) is not { } decoded)
            {
                return Task.FromResult(AuthenticationResult.Refused(null, "The Basic credentials are not valid base64."));
            }

            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon <= 0
                ? Task.FromResult(AuthenticationResult.Refused(null, "The Basic credentials must be 'user:password' with a user name."))
                : authenticator.AuthenticateBasicAsync(decoded[..colon], decoded[(colon + 1)..], cancellationToken);
        }

        return Task.FromResult(AuthenticationResult.Refused(null, $"Unsupported authorization scheme '{scheme}': use Bearer or Basic."));
    }
}
