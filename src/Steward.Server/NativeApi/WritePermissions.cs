using Microsoft.AspNetCore.Builder;
using Steward.Audit;
using Steward.Identity;
using Steward.Server.Identity;

namespace Steward.Server.NativeApi;

/// <summary>
/// The role a write endpoint needs, demanded before the endpoint runs: a caller whose roles can
/// never make the write is refused (403, recorded in the ledger) before its body or its arguments
/// are read, so the answer says nothing about what would have been accepted. The services still
/// check the permission in the domain of what they touch, also before validating.
/// </summary>
internal static class WritePermissions
{
    /// <summary>Demands <paramref name="permission"/>'s role before the endpoint reads anything; the refusal names the request.</summary>
    public static TBuilder Requires<TBuilder>(this TBuilder endpoint, Permission permission, string action)
        where TBuilder : IEndpointConventionBuilder =>
        endpoint.RequirePermission(permission, action, http => AuditResources.Request(http.Request.Method, http.Request.Path.Value ?? "/"));
}
