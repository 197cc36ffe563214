using Microsoft.AspNetCore.Http;
using Steward.Audit;
using Steward.Identity;

namespace Steward.Server.Identity;

/// <summary>
/// The principal the authentication handlers (<see cref="StewardAuthentication"/>) established for the request under way:
/// what services check permissions against and what every ledger entry names as its actor.
/// </summary>
internal sealed class RequestPrincipal(IHttpContextAccessor accessor) : ICurrentPrincipal, ICurrentActor
{
    public Principal Principal =>
        accessor.HttpContext?.Features.Get<Principal>()
        ?? throw new InvalidOperationException("No authenticated principal: the operation runs outside an authenticated request.");

    public string Name => Principal.Name;

    /// <summary>Sets the request's principal.</summary>
    public static void Set(HttpContext http, Principal principal) => http.Features.Set(principal);
}
