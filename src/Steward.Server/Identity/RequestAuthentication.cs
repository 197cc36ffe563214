using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Steward.Errors;
using Steward.Identity;
using Steward.Server.Hosting;
using Steward.Web.Session;

namespace Steward.Server.Identity;

/// <summary>
/// Authenticates every request before it reaches an endpoint: <c>Authorization: Bearer &lt;token&gt;</c>
/// (MLflow's <c>MLFLOW_TRACKING_TOKEN</c>) or HTTP Basic with a user name and a password or token
/// (<c>MLFLOW_TRACKING_USERNAME</c>/<c>PASSWORD</c>). Without credentials, a loopback server acts
/// as the local admin; otherwise the request is refused with 401, a <c>WWW-Authenticate</c>
/// challenge and the API's own error format, and the refusal is counted in the ledger's
/// per-minute tally (<see cref="AuthenticationDenials"/>). Clients that keep failing are slowed
/// by <see cref="FailedAuthenticationThrottle"/>, whose rule is that a valid token is always
/// accepted.
/// </summary>
/// <remarks>
/// The web UI's pages also accept the session cookie of <see cref="UiSession"/>, checked as its
/// token would be; the JSON APIs never do, so a browser session cannot drive them from another
/// page. A UI page asked for without credentials where they are required redirects to sign-in.
/// </remarks>
internal sealed class RequestAuthentication(
    RequestDelegate next, Authenticator authenticator, AuthenticationPolicy policy, UiSession session, FailedAuthenticationThrottle throttle, AuthenticationDenials denials)
{
    private static readonly string[] Challenges = ["Bearer realm=\"steward\"", "Basic realm=\"steward\", charset=\"UTF-8\""];

    public async Task InvokeAsync(HttpContext http)
    {
        if (http.Request.Path.Equals("/health", StringComparison.OrdinalIgnoreCase))
        {
            await next(http);
            return;
        }

        var header = http.Request.Headers.Authorization.ToString();
        var ui = UiPaths.IsUi(http.Request.Path);
        AuthenticationResult result;
        if (header.Length > 0)
        {
            var (checkedResult, wait) = await AuthenticateHeaderAsync(header, ClientAddress(http), http.RequestAborted);
            if (wait is { } retryAfter)
            {
                await RefuseThrottledAsync(http, retryAfter, checkedResult);
                return;
            }

            result = checkedResult;
        }
        else if (ui && session.ReadToken(http) is { } sessionToken)
        {
            result = await authenticator.AuthenticateTokenAsync(sessionToken, http.RequestAborted);
            if (!result.Succeeded)
            {
                session.SignOut(http);
                CountDenial(http, result.KnownUser, "unauthenticated", result.Failure);
                if (UiPaths.IsPublic(http.Request.Path))
                {
                    await next(http);
                    return;
                }

                http.Response.Redirect($"{UiPaths.SignIn}?ended=1&returnUrl={Uri.EscapeDataString(http.Request.Path + http.Request.QueryString)}");
                return;
            }
        }
        else if (policy.CredentialsRequired && ui)
        {
            if (UiPaths.IsPublic(http.Request.Path))
            {
                await next(http);
                return;
            }

            // Not a refusal but the way in: the page asked for is where sign-in returns.
            http.Response.Redirect($"{UiPaths.SignIn}?returnUrl={Uri.EscapeDataString(http.Request.Path + http.Request.QueryString)}");
            return;
        }
        else if (policy.CredentialsRequired)
        {
            result = AuthenticationResult.Refused(null,
                "Credentials are required: send 'Authorization: Bearer <token>' (MLFLOW_TRACKING_TOKEN, STEWARD_TOKEN) or HTTP Basic with a user name and a password or token (MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD).");
        }
        else
        {
            result = AuthenticationResult.Ok(Principal.LocalAdmin);
        }

        if (result.Succeeded)
        {
            RequestPrincipal.Set(http, result.Principal!);
            await next(http);
            return;
        }

        CountDenial(http, result.KnownUser, "unauthenticated", result.Failure);
        await ChallengeAsync(http, result.Failure!);
    }

    /// <summary>The client's address: the connection's, or the one a trusted proxy forwarded.</summary>
    internal static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>
    /// Checks the Authorization header under <see cref="FailedAuthenticationThrottle"/>'s rule.
    /// Returns the result, and how long to wait when the client is throttled: a wrong credential
    /// from a throttled address, or a password the throttle would not let be checked slowly.
    /// </summary>
    private async Task<(AuthenticationResult Result, TimeSpan? Wait)> AuthenticateHeaderAsync(string header, string address, CancellationToken cancellationToken)
    {
        var addressWait = throttle.AddressRetryAfter(address);
        if (BasicPassword(header) is var (userName, password))
        {
            if ((addressWait ?? throttle.UserRetryAfter(userName)) is { } wait)
            {
                // Only a password this server verified moments ago is let in without PBKDF2.
                var recent = authenticator.AuthenticateRecentPassword(userName, password);
                if (recent is not null) return (recent, null);
                var message = addressWait is not null
                    ? ThrottledAddressMessage(wait)
                    : $"Too many wrong passwords for user '{userName}': passwords for it are not checked for {Seconds(wait)} s; its tokens still work.";
                return (AuthenticationResult.Refused(null, message), wait);
            }

            var checkedPassword = await authenticator.AuthenticateBasicAsync(userName, password, cancellationToken);
            if (!checkedPassword.Succeeded) throttle.RecordFailure(address, userName);
            return (checkedPassword, null);
        }

        // A token (or a malformed header) is cheap to check, so it is always checked: a valid one
        // gets in however many wrong ones came from the same address.
        var result = await AuthenticateAsync(header, cancellationToken);
        if (result.Succeeded) return (result, null);
        throttle.RecordFailure(address);
        return addressWait is { } addressRetry ? (AuthenticationResult.Refused(result.KnownUser, ThrottledAddressMessage(addressRetry)), addressRetry) : (result, null);
    }

    /// <summary>The user name and password of an HTTP Basic header whose password is not a token; null otherwise.</summary>
    private static (string UserName, string Password)? BasicPassword(string header)
    {
        var space = header.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0 || !header[..space].Equals("Basic", StringComparison.OrdinalIgnoreCase)) return null;
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[(space + 1)..].Trim()));
        }
        catch (FormatException)
        {
            return null;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0) return null;
        var password = decoded[(colon + 1)..];
        return ApiTokens.LooksLikeToken(password) ? null : (decoded[..colon], password);
    }

    private void CountDenial(HttpContext http, string? knownUser, string reason, string? detail) =>
        denials.Count(ClientAddress(http), knownUser, $"{http.Request.Method} {http.Request.Path.Value ?? "/"}", reason, detail);

    private async Task RefuseThrottledAsync(HttpContext http, TimeSpan wait, AuthenticationResult result)
    {
        CountDenial(http, result.KnownUser, "throttled", result.Failure);
        http.Response.Headers.RetryAfter = Seconds(wait).ToString(CultureInfo.InvariantCulture);
        await ApiErrors.WriteAsync(http, ErrorCode.RequestLimitExceeded, result.Failure!);
    }

    private static string ThrottledAddressMessage(TimeSpan wait) =>
        $"Too many failed authentications from this address: try again in {Seconds(wait)} s. A valid token is still accepted.";

    private static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    private Task<AuthenticationResult> AuthenticateAsync(string header, CancellationToken cancellationToken)
    {
        var space = header.IndexOf(' ', StringComparison.Ordinal);
        var scheme = space < 0 ? header : header[..space];
        var credentials = space < 0 ? "" : header[(space + 1)..].Trim();
        if (scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return credentials.Length == 0
                ? Task.FromResult(AuthenticationResult.Refused(null, "The Bearer credentials are empty."))
                : authenticator.AuthenticateTokenAsync(credentials, cancellationToken);
        }

        if (scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            string decoded;
            try
            {
                decoded = Encoding.UTF8.GetString(Convert.FromBase64String(credentials));
            }
            catch (FormatException)
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

    /// <summary>401 with the challenges.</summary>
    private static Task ChallengeAsync(HttpContext http, string message)
    {
        foreach (var challenge in Challenges) http.Response.Headers.Append(HeaderNames.WWWAuthenticate, challenge);
        return ApiErrors.WriteAsync(http, ErrorCode.Unauthenticated, message);
    }
}
