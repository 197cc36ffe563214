using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Steward.Web.Session;

namespace Steward.Server.Identity;

/// <summary>
/// How requests prove who they are and what they may do, wired as ASP.NET Core authentication
/// handlers (one per kind of credential) and authorization policies, so the framework's
/// well-trodden pipeline, not a hand-written middleware, decides who gets through.
/// </summary>
/// <remarks>
/// The default scheme is a policy scheme that forwards each request to the handler for what it
/// carries: an <c>Authorization</c> header with a password (<see cref="PasswordAuthenticationHandler"/>)
/// or with anything else (<see cref="TokenAuthenticationHandler"/>); on a UI page, the session
/// cookie (<see cref="SessionAuthenticationHandler"/>); otherwise nothing
/// (<see cref="LocalAdminAuthenticationHandler"/>). The fallback policy demands an identity
/// (<see cref="CredentialsRequirement"/>); <see cref="PermissionPolicies"/> add one policy per
/// permission.
/// </remarks>
internal static class StewardAuthentication
{
    /// <summary>The default scheme, which picks a handler per request.</summary>
    public const string SchemeName = "Steward";

    private static readonly Type[] Handlers =
        [typeof(TokenAuthenticationHandler), typeof(PasswordAuthenticationHandler), typeof(SessionAuthenticationHandler), typeof(LocalAdminAuthenticationHandler)];

    public static IServiceCollection AddStewardAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(SchemeName)
            .AddPolicyScheme(SchemeName, null, scheme => scheme.ForwardDefaultSelector = SchemeFor)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, PasswordAuthenticationHandler>(PasswordAuthenticationHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, SessionAuthenticationHandler>(SessionAuthenticationHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, LocalAdminAuthenticationHandler>(LocalAdminAuthenticationHandler.SchemeName, null);
        services.AddAuthorization(authorization =>
        {
            authorization.FallbackPolicy = new AuthorizationPolicyBuilder().AddRequirements(CredentialsRequirement.Instance).Build();
            authorization.AddPermissionPolicies();
        });
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, PermissionRefusals>();
        // The framework logs every refusal and challenge at Information: the denial tally already
        // records them, and a host that shows Steward's information would repeat each guess.
        services.Configure<LoggerFilterOptions>(filters =>
        {
            foreach (var handler in Handlers) filters.AddFilter(handler.FullName, LogLevel.Warning);
        });
        return services;
    }

    /// <summary>
    /// Authentication, then authorization: after the body limits (so nothing here can be made to
    /// buffer a large body) and before the concurrency limit, which partitions by the identity
    /// proved here.
    /// </summary>
    public static IApplicationBuilder UseStewardAuthentication(this IApplicationBuilder app) =>
        app.UseAuthentication().UseAuthorization();

    /// <summary>The handler for what the request carries.</summary>
    private static string SchemeFor(HttpContext http)
    {
        // The health check reads no credentials: a wrong header there is no refusal to count.
        if (CredentialsRequirement.IsHealth(http.Request.Path)) return LocalAdminAuthenticationHandler.SchemeName;
        var header = http.Request.Headers.Authorization.ToString();
        if (header.Length > 0)
        {
            return AuthorizationHeader.BasicPassword(header) is null ? TokenAuthenticationHandler.SchemeName : PasswordAuthenticationHandler.SchemeName;
        }

        // The JSON APIs never read the cookie, so a browser session cannot drive them from another page.
        return UiPaths.IsUi(http.Request.Path) && http.RequestServices.GetRequiredService<UiSession>().ReadToken(http) is not null
            ? SessionAuthenticationHandler.SchemeName
            : LocalAdminAuthenticationHandler.SchemeName;
    }
}
