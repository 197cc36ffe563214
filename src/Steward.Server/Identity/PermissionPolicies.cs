using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Steward.Identity;

namespace Steward.Server.Identity;

/// <summary>
/// One authorization policy per row of <see cref="PermissionTable"/>, generated from it: a
/// policy holds when the request proved an identity one of whose roles the table gives the
/// permission. The table stays the only place that says what a role may do.
/// </summary>
/// <remarks>
/// Endpoints name a policy with <see cref="RequirePermission{TBuilder}"/> where the permission must
/// be checked before the endpoint runs — before it reads a large body, say. Checks that depend
/// on the object (its domain, its author) stay with the services (<see cref="AccessControl"/>).
/// </remarks>
internal static class PermissionPolicies
{
    /// <summary>The policy's name: <c>permission:write-tracking</c>.</summary>
    public static string Name(Permission permission) => "permission:" + PermissionTable.Name(permission);

    /// <summary>Adds a policy for every permission of the table.</summary>
    public static void AddPermissionPolicies(this AuthorizationOptions options)
    {
        foreach (var rule in PermissionTable.Rules)
        {
            options.AddPolicy(Name(rule.Permission), policy => policy.AddRequirements(CredentialsRequirement.Instance, new PermissionRequirement(rule.Permission)));
        }
    }

    /// <summary>
    /// Demands <paramref name="permission"/> before the endpoint runs. A refusal is worded and
    /// recorded in the ledger as the services' own (<see cref="PermissionRefusals"/>).
    /// </summary>
    /// <param name="builder">The endpoint or group.</param>
    /// <param name="permission">What is needed.</param>
    /// <param name="action">What is attempted, as the ledger names it.</param>
    /// <param name="resource">What it is attempted on, as the ledger names it.</param>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, Permission permission, string action, Func<HttpContext, string> resource)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(Name(permission)).WithMetadata(new PermissionCheck(action, resource));
}

/// <summary>A permission of <see cref="PermissionTable"/>, held by the roles its row names.</summary>
internal sealed class PermissionRequirement(Permission permission) : AuthorizationHandler<PermissionRequirement>, IAuthorizationRequirement
{
    /// <summary>The permission needed.</summary>
    public Permission Permission { get; } = permission;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (PermissionTable.Rule(requirement.Permission).Roles.Any(role => context.User.IsInRole(Roles.Name(role)))) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

/// <summary>Endpoint metadata: how the ledger names what a request refused by a permission policy attempted.</summary>
/// <param name="Action">The attempted action (<see cref="Audit.AuditActions"/>).</param>
/// <param name="Resource">The resource it was attempted on.</param>
internal sealed record PermissionCheck(string Action, Func<HttpContext, string> Resource);
