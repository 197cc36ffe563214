using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Steward.Audit;
using Steward.Governance;
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
        endpoint.RequirePermission(permission, action, Request);

    /// <summary>As <see cref="Requires{TBuilder}(TBuilder, Permission, string)"/>, the refusal naming the resource the service would (a version's, say), found in the route.</summary>
    public static TBuilder Requires<TBuilder>(this TBuilder endpoint, Permission permission, string action, Func<string, int, string> versionResource)
        where TBuilder : IEndpointConventionBuilder =>
        endpoint.RequirePermission(permission, action, http => VersionResource(http, versionResource));

    /// <summary>The version's own resource (<c>registered_model/{name}/version/{version}</c>).</summary>
    public static readonly Func<string, int, string> Version = AuditResources.ModelVersion;

    /// <summary>A version's approvals.</summary>
    public static readonly Func<string, int, string> Approvals = GovernanceResources.Approvals;

    /// <summary>A version's lifecycle steps.</summary>
    public static readonly Func<string, int, string> Lifecycle = GovernanceResources.Lifecycle;

    /// <summary>A version's scorecard.</summary>
    public static readonly Func<string, int, string> Scorecard = GovernanceResources.Scorecard;

    /// <summary>A version's model card.</summary>
    public static readonly Func<string, int, string> ModelCard = GovernanceResources.ModelCard;

    private static string Request(HttpContext http) => AuditResources.Request(http.Request.Method, http.Request.Path.Value ?? "/");

    /// <summary>The resource of the version the route names; the request itself when the route names none.</summary>
    private static string VersionResource(HttpContext http, Func<string, int, string> resource) =>
        http.Request.RouteValues["name"] is string name
        && http.Request.RouteValues["version"] is string version
        && int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? resource(Requests.RouteValue(name), number)
            : Request(http);
}
