using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Steward.Errors;
using Steward.Identity;
using Steward.Server.Hosting;

namespace Steward.Server.Identity;

/// <summary>
/// What Steward's authentication handlers share: the ticket for a proved
/// <see cref="Principal"/>, the count of a refusal in <see cref="AuthenticationDenials"/>, and
/// the refusal itself — 401 with the <c>WWW-Authenticate</c> challenges, or 429 with
/// <c>Retry-After</c> when <see cref="FailedAuthenticationThrottle"/> holds the client back — in
/// the API's own error format.
/// </summary>
/// <remarks>
/// A refusal is counted when the credentials fail, once per request (the framework runs a
/// handler's authentication once); the challenge only answers.
/// </remarks>
internal abstract class CredentialHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AuthenticationDenials denials)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private static readonly string[] Challenges = ["Bearer realm=\"steward\"", "Basic realm=\"steward\", charset=\"UTF-8\""];

    /// <summary>The client's address: the connection's, or the one a trusted proxy forwarded.</summary>
    protected string ClientAddress => Context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>The ticket for <paramref name="principal"/>; the request's principal for services and the ledger from now on.</summary>
    protected AuthenticateResult Succeed(Principal principal)
    {
        RequestPrincipal.Set(Context, principal);
        Claim[] claims = [new(ClaimTypes.Name, principal.Name), .. principal.RoleNames.Select(role => new Claim(ClaimTypes.Role, role))];
        var identity = new ClaimsIdentity(claims, Scheme.Name, ClaimTypes.Name, ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    /// <summary>The outcome of a credential check: its principal, or the refusal, counted.</summary>
    protected AuthenticateResult Outcome(AuthenticationResult result, TimeSpan? retryAfter = null)
    {
        if (result.Succeeded) return Succeed(result.Principal!);
        CountDenial(result.KnownUser, retryAfter is null ? "unauthenticated" : "throttled", result.Failure);
        return AuthenticateResult.Fail(new CredentialsRefused(result.Failure!, retryAfter));
    }

    /// <summary>Counts a refused request in the ledger's per-minute tally.</summary>
    protected void CountDenial(string? knownUser, string reason, string? detail) =>
        denials.Count(ClientAddress, knownUser, $"{Request.Method} {Request.Path.Value ?? "/"}", reason, detail);

    /// <summary>Answers a request whose credentials were refused.</summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var outcome = await HandleAuthenticateOnceSafeAsync();
        var refused = outcome.Failure as CredentialsRefused ?? new CredentialsRefused(outcome.Failure?.Message ?? "The credentials were refused.", null);
        await RefuseAsync(refused.Message, refused.RetryAfter);
    }

    /// <summary>401 with the challenges, or 429 with <c>Retry-After</c> when throttled.</summary>
    protected Task RefuseAsync(string message, TimeSpan? retryAfter)
    {
        if (retryAfter is { } wait)
        {
            Response.Headers.RetryAfter = Seconds(wait).ToString(CultureInfo.InvariantCulture);
            return ApiErrors.WriteAsync(Context, ErrorCode.RequestLimitExceeded, message);
        }

        foreach (var challenge in Challenges) Response.Headers.Append(HeaderNames.WWWAuthenticate, challenge);
        return ApiErrors.WriteAsync(Context, ErrorCode.Unauthenticated, message);
    }

    /// <summary>The refusal of a client whose address is throttled.</summary>
    protected static string ThrottledAddressMessage(TimeSpan wait) =>
        $"Too many failed authentications from this address: try again in {Seconds(wait)} s. A valid token is still accepted.";

    /// <summary>Whole seconds to wait, at least one.</summary>
    protected static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
}

/// <summary>Why credentials were refused, and how long the client must wait when it is throttled.</summary>
internal sealed class CredentialsRefused(string message, TimeSpan? retryAfter) : Exception(message)
{
    /// <summary>Set when the refusal is the throttle's (429), null for wrong credentials (401).</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
