using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Steward.Web.Session;

namespace Steward.Server.Identity;

/// <summary>
/// The fallback policy's one requirement, and part of every permission's: the request proved
/// who it is. <c>/health</c> needs nothing, and the sign-in page and the style sheet load for
/// anyone who sent no <c>Authorization</c> header (a header that fails is refused everywhere).
/// </summary>
internal sealed class CredentialsRequirement : AuthorizationHandler<CredentialsRequirement>, IAuthorizationRequirement
{
    public static CredentialsRequirement Instance { get; } = new();

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, CredentialsRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated == true || context.Resource is HttpContext http && NeedsNone(http.Request))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    /// <summary>True for requests anyone may make.</summary>
    public static bool NeedsNone(HttpRequest request) =>
        IsHealth(request.Path) || (UiPaths.IsPublic(request.Path) && request.Headers.Authorization.Count == 0);

    /// <summary>The health check, which reads no credentials at all.</summary>
    public static bool IsHealth(PathString path) => path.Equals("/health", StringComparison.OrdinalIgnoreCase);
}
