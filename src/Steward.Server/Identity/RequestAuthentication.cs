using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Steward.Audit;
using Steward.Errors;
using Steward.Identity;
using Steward.Server.Mlflow.Protocol;
using Steward.Server.NativeApi;
using Steward.Web.Session;

namespace Steward.Server.Identity;

/// <summary>
/// Authenticates every request before it reaches an endpoint: <c>Authorization: Bearer &lt;token&gt;</c>
/// (MLflow's <c>MLFLOW_TRACKING_TOKEN</c>) or HTTP Basic with a user name and a password or token
/// (<c>MLFLOW_TRACKING_USERNAME</c>/<c>PASSWORD</c>). Without credentials, a loopback server acts
/// as the local admin; otherwise the request is refused with 401, a <c>WWW-Authenticate</c>
/// challenge and the API's own error format, and the refusal is a ledger entry. An address that
/// keeps presenting wrong credentials is turned away with 429 for a while (<see cref="FailedAuthenticationThrottle"/>).
/// </summary>
/// <remarks>
/// The web UI's pages also accept the session cookie of <see cref="UiSession"/>, checked as its
/// token would be; the JSON APIs never do, so a browser session cannot drive them from another
/// page. A UI page asked for without credentials where they are required redirects to sign-in.
/// </remarks>
internal sealed class RequestAuthentication(RequestDelegate next, Authenticator authenticator, ILedgerStore ledger, AuthenticationPolicy policy, UiSession session, FailedAuthenticationThrottle throttle)
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
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (header.Length > 0 && throttle.RetryAfter(address) is { } wait)
        {
            await RefuseThrottledAsync(http, wait);
            return;
        }

        if (header.Length > 0)
        {
            result = await AuthenticateAsync(header, http.RequestAborted);
            if (!result.Succeeded) throttle.RecordFailure(address);
        }
        else if (ui && session.ReadToken(http) is { } sessionToken)
        {
            result = await authenticator.AuthenticateTokenAsync(sessionToken, http.RequestAborted);
            if (!result.Succeeded)
            {
                session.SignOut(http);
                await RecordDenialAsync(http, result);
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

        await RecordDenialAsync(http, result);
        await ChallengeAsync(http, result.Failure!);
    }

    private Task RecordDenialAsync(HttpContext http, AuthenticationResult result) =>
        Denials.RecordAsync(ledger, result.KnownUser, AuditResources.Request(http.Request.Method, http.Request.Path.Value ?? "/"), new JsonObject
        {
            ["reason"] = "unauthenticated",
            ["detail"] = result.Failure,
        }, http.RequestAborted);

    private async Task RefuseThrottledAsync(HttpContext http, TimeSpan wait)
    {
        var seconds = (int)Math.Ceiling(wait.TotalSeconds);
        var message = $"Too many failed authentications from this address: try again in {seconds} s.";
        await Denials.RecordAsync(ledger, null, AuditResources.Request(http.Request.Method, http.Request.Path.Value ?? "/"), new JsonObject
        {
            ["reason"] = "throttled",
            ["detail"] = message,
        }, http.RequestAborted);
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await WriteErrorAsync(http, ErrorCode.RequestLimitExceeded, message);
    }

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
        return WriteErrorAsync(http, ErrorCode.Unauthenticated, message);
    }

    /// <summary>An error in MLflow's format under its prefixes and as problem+json elsewhere.</summary>
    private static Task WriteErrorAsync(HttpContext http, ErrorCode code, string message)
    {
        var path = http.Request.Path;
        var mlflow = MlflowRoutes.TrackingPrefixes.Concat(MlflowRoutes.ArtifactPrefixes).Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));
        return mlflow
            ? MlflowErrors.WriteAsync(http, new StewardException(code, message))
            : Problems.For(code, message, http).ExecuteAsync(http);
    }
}
