using System.Text.Json.Nodes;
using Steward.Audit;
using Steward.Errors;

namespace Steward.Identity;

/// <summary>
/// Where services ask whether the current principal may do what it asks, by
/// <see cref="PermissionTable"/>. A refusal is recorded in the ledger (<see cref="Denials"/>)
/// and thrown as PermissionDenied with a message naming what was missing. Every check happens
/// before the operation makes its own ledger change, so a refused request changes nothing else.
/// </summary>
public sealed class AccessControl(ICurrentPrincipal current, ILedgerStore ledger, IIdentityStore identities)
{
    /// <summary>Who is asking.</summary>
    public Principal Principal => current.Principal;

    /// <summary>Demands a permission that applies everywhere (or any permission, ignoring its domain scope).</summary>
    /// <param name="permission">What is needed.</param>
    /// <param name="action">What was attempted, as the ledger names it (<see cref="AuditActions"/>).</param>
    /// <param name="resource">What it was attempted on (<see cref="AuditResources"/>).</param>
    /// <param name="cancellationToken">Cancels the denial's append.</param>
    public Task DemandAsync(Permission permission, string action, string resource, CancellationToken cancellationToken)
    {
        var principal = Principal;
        return principal.Holds(permission) ? Task.CompletedTask : DenyRoleAsync(principal, permission, action, resource, cancellationToken);
    }

    /// <summary>
    /// Demands a permission on something that lives in a domain. The domain is looked up only when
    /// it matters (not for admins); when <paramref name="domainOf"/> finds nothing, the check
    /// passes and the operation reports the missing resource itself.
    /// </summary>
    public async Task DemandInDomainAsync(Permission permission, string action, string resource, Func<CancellationToken, Task<string?>> domainOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainOf);
        var principal = Principal;
        if (!principal.Holds(permission)) await DenyRoleAsync(principal, permission, action, resource, cancellationToken);
        if (principal.IsAdmin || PermissionTable.Rule(permission).Scope == PermissionScope.Everywhere) return;
        if (await domainOf(cancellationToken) is { } domain && !principal.BelongsTo(domain))
        {
            await DenyDomainAsync(principal, permission, action, resource, domain, cancellationToken);
        }
    }

    /// <summary>As <see cref="DemandInDomainAsync(Permission, string, string, Func{CancellationToken, Task{string?}}, CancellationToken)"/>, with the domain known.</summary>
    public Task DemandInDomainAsync(Permission permission, string action, string resource, string domain, CancellationToken cancellationToken) =>
        DemandInDomainAsync(permission, action, resource, _ => Task.FromResult<string?>(domain), cancellationToken);

    /// <summary>Demands a permission on something that lies in no domain (a path outside every experiment's artifact folder): only admins may.</summary>
    public Task DemandOutsideDomainsAsync(Permission permission, string action, string resource, CancellationToken cancellationToken)
    {
        var principal = Principal;
        if (!principal.Holds(permission)) return DenyRoleAsync(principal, permission, action, resource, cancellationToken);
        return principal.IsAdmin ? Task.CompletedTask : DenyAsync(principal, permission, action, resource, null, "no-domain",
            $"{principal.Name} may not {PermissionTable.Rule(permission).Title} ({action} on {resource}): it lies in no domain, where only admins write.",
            cancellationToken);
    }

    /// <summary>Demands that the principal is <paramref name="userName"/> (acting on its own credentials), or holds <paramref name="otherwise"/>.</summary>
    public Task DemandSelfOrAsync(string userName, Permission otherwise, string action, string resource, CancellationToken cancellationToken)
    {
        var principal = Principal;
        var self = principal.Method != AuthenticationMethod.LocalAdmin && principal.Name == userName && principal.Holds(Permission.ManageOwnCredentials);
        return self || principal.Holds(otherwise) ? Task.CompletedTask : DenyRoleAsync(principal, otherwise, action, resource, cancellationToken);
    }

    /// <summary>
    /// The domain a new experiment or model goes into — the one requested, else the principal's
    /// default — after checking that it exists and that the principal may write there.
    /// </summary>
    /// <param name="permission">The write permission the creation needs.</param>
    /// <param name="action">The creation's action.</param>
    /// <param name="requested">The domain the request names, or null.</param>
    /// <param name="field">The request field (or tag) that named it, for messages.</param>
    /// <param name="cancellationToken">Cancels the lookups.</param>
    public async Task<string> ChooseDomainAsync(Permission permission, string action, string? requested, string field, CancellationToken cancellationToken)
    {
        var principal = Principal;
        // The role first, before the requested domain is looked at: a caller who may create nothing anywhere learns nothing of the domains.
        if (!principal.Holds(permission)) await DenyRoleAsync(principal, permission, action, AuditResources.Domain(requested ?? principal.DefaultDomain ?? ""), cancellationToken);
        if (requested is null)
        {
            var domain = principal.DefaultDomain ?? await DenyAsync(principal, permission, action, "domain", null, "no-domain",
                $"{principal.Name} may not {PermissionTable.Rule(permission).Title} ({action}): {principal.Name} belongs to no domain; an administrator can add one.",
                cancellationToken);
            await DemandInDomainAsync(permission, action, AuditResources.Domain(domain), domain, cancellationToken);
            return domain;
        }

        var existing = await ExistingDomainAsync(requested, field, cancellationToken);
        await DemandInDomainAsync(permission, action, AuditResources.Domain(existing), existing, cancellationToken);
        return existing;
    }

    /// <summary>Checks that a domain named by a request exists, naming the field when it does not.</summary>
    public async Task<string> ExistingDomainAsync(string? domain, string field, CancellationToken cancellationToken)
    {
        DomainNames.Check(domain, field);
        if (await identities.GetDomainAsync(domain!, cancellationToken) is null)
        {
            throw StewardException.Invalid($"The domain '{domain}' named in '{field}' does not exist.");
        }

        return domain!;
    }

    /// <summary>
    /// Refuses a request the permission table alone cannot judge (approving one's own version,
    /// waiving a step one does not own): records the denial like any other and throws
    /// PermissionDenied with <paramref name="message"/>.
    /// </summary>
    /// <param name="permission">The permission exercised.</param>
    /// <param name="action">What was attempted.</param>
    /// <param name="resource">What it was attempted on.</param>
    /// <param name="reason">The ledger's short reason, e.g. <c>author</c>.</param>
    /// <param name="message">What the caller reads.</param>
    /// <param name="cancellationToken">Cancels the denial's append.</param>
    public Task RefuseAsync(Permission permission, string action, string resource, string reason, string message, CancellationToken cancellationToken) =>
        DenyAsync(Principal, permission, action, resource, null, reason, message, cancellationToken);

    private Task DenyRoleAsync(Principal principal, Permission permission, string action, string resource, CancellationToken cancellationToken)
    {
        var rule = PermissionTable.Rule(permission);
        var message = $"{principal.Name} may not {rule.Title} ({action} on {resource}): that needs one of the roles {string.Join(", ", rule.Roles.Select(Roles.Name))}; "
            + $"{principal.Name} holds {string.Join(", ", principal.RoleNames)}.";
        return DenyAsync(principal, permission, action, resource, null, "role", message, cancellationToken);
    }

    private Task DenyDomainAsync(Principal principal, Permission permission, string action, string resource, string domain, CancellationToken cancellationToken)
    {
        var belongs = principal.Domains.Count == 0 ? "no domain" : $"the domains {string.Join(", ", principal.Domains)}";
        var message = $"{principal.Name} may not {PermissionTable.Rule(permission).Title} in domain '{domain}' ({action} on {resource}): {principal.Name} belongs to {belongs}.";
        return DenyAsync(principal, permission, action, resource, domain, "domain", message, cancellationToken);
    }

    private async Task<string> DenyAsync(Principal principal, Permission permission, string action, string resource, string? domain, string reason, string message, CancellationToken cancellationToken)
    {
        await Denials.RecordAsync(ledger, principal.Name, resource, new JsonObject
        {
            ["action"] = action,
            ["permission"] = PermissionTable.Rule(permission).Title,
            ["domain"] = domain,
            ["reason"] = reason,
        }, cancellationToken);
        throw new StewardException(ErrorCode.PermissionDenied, message);
    }
}
