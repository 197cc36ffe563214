using System.Text.Json.Nodes;
using Steward.Audit;
using Steward.Errors;

namespace Steward.Identity;

/// <summary>
/// Users, their tokens and passwords, and domains, as both the API and the CLI manage them.
/// Every change is checked against <see cref="PermissionTable"/>, is one transaction with its
/// ledger entry, and forgets what <see cref="CredentialCache"/> held about the user, so that a
/// revoked token or a disabled user stops working at once on this server.
/// </summary>
public sealed partial class IdentityService(IIdentityStore store, AccessControl access, CredentialCache credentials, TimeProvider clock, ICurrentActor actor)
{
    public const int MaxDisplayNameLength = 200;
    public const int MaxEmailLength = 254;
    public const int MaxTokenNameLength = 100;
    public const int MaxDescriptionLength = 1000;

    private long Now => clock.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>The principal asking, with its user record (null for the local admin, who is no user).</summary>
    public async Task<(Principal Principal, User? User)> WhoAmIAsync(CancellationToken cancellationToken)
    {
        var principal = access.Principal;
        var user = principal.Method == AuthenticationMethod.LocalAdmin ? null : await store.GetUserAsync(principal.Name, cancellationToken);
        return (principal, user);
    }

    public async Task<IReadOnlyList<Domain>> ListDomainsAsync(CancellationToken cancellationToken)
    {
        await access.DemandAsync(Permission.ReadMetadata, "domain.list", "domain", cancellationToken);
        return await store.ListDomainsAsync(cancellationToken);
    }

    public async Task<DomainDetails> GetDomainAsync(string? name, CancellationToken cancellationToken)
    {
        DomainNames.Check(name, "name");
        await access.DemandAsync(Permission.ReadMetadata, "domain.read", AuditResources.Domain(name!), cancellationToken);
        return await store.GetDomainDetailsAsync(name!, cancellationToken) ?? throw StewardException.NotFound($"No domain named '{name}'.");
    }

    public async Task<Domain> CreateDomainAsync(string? name, string? description, CancellationToken cancellationToken)
    {
        // The permission before the request is read: a refusal names no domain it has not checked.
        await access.DemandAsync(Permission.ManageIdentities, AuditActions.DomainCreate, "domain", cancellationToken);
        DomainNames.Check(name, "name");
        Validation.MaxLength(description, MaxDescriptionLength, "description");
        var resource = AuditResources.Domain(name!);
        var change = Change(AuditActions.DomainCreate, resource, new() { ["name"] = name, ["description"] = description ?? "" });
        return await store.CreateDomainAsync(change, new Domain(name!, description ?? "", actor.Name, Now), cancellationToken);
    }

    public async Task<IReadOnlyList<User>> ListUsersAsync(CancellationToken cancellationToken)
    {
        await access.DemandAsync(Permission.ReadIdentities, "user.list", "user", cancellationToken);
        return await store.ListUsersAsync(cancellationToken);
    }

    public async Task<User> GetUserAsync(string? name, CancellationToken cancellationToken)
    {
        UserNames.Check(name);
        await access.DemandSelfOrAsync(name!, Permission.ReadIdentities, "user.read", AuditResources.User(name!), cancellationToken);
        return await RequireUserAsync(name!, cancellationToken);
    }

    public async Task<User> CreateUserAsync(string? name, string? displayName, string? email, IReadOnlyList<string>? roles, IReadOnlyList<string>? domains, CancellationToken cancellationToken)
    {
        await access.DemandAsync(Permission.ManageIdentities, AuditActions.UserCreate, "user", cancellationToken);
        UserNames.CheckNew(name);
        CheckProfile(displayName, email);
        var parsedRoles = Roles.ParseList(roles);
        var resource = AuditResources.User(name!);
        var checkedDomains = await CheckDomainsAsync(domains ?? [], cancellationToken);
        var user = new NewUser(name!, string.IsNullOrWhiteSpace(displayName) ? name! : displayName.Trim(), EmptyToNull(email), parsedRoles, checkedDomains, actor.Name, Now);
        var change = Change(AuditActions.UserCreate, resource, UserPayload(user.Name, user.DisplayName, user.Email, user.Roles, user.Domains, enabled: true));
        return await store.CreateUserAsync(change, user, cancellationToken);
    }

    /// <summary>Changes a user's profile, roles, domains or enabled state; null leaves a field as it is.</summary>
    public async Task<User> UpdateUserAsync(string? name, string? displayName, string? email, IReadOnlyList<string>? roles, IReadOnlyList<string>? domains, bool? enabled, CancellationToken cancellationToken)
    {
        UserNames.Check(name);
        var resource = AuditResources.User(name!);
        await access.DemandAsync(Permission.ManageIdentities, AuditActions.UserUpdate, resource, cancellationToken);
        CheckProfile(displayName, email);
        var parsedRoles = roles is null ? null : Roles.ParseList(roles);
        var checkedDomains = domains is null ? null : await CheckDomainsAsync(domains, cancellationToken);
        if (displayName is null && email is null && parsedRoles is null && checkedDomains is null && enabled is null)
        {
            throw StewardException.Invalid("Nothing to change: give at least one of 'displayName', 'email', 'roles', 'domains', 'enabled'.");
        }

        var update = new UserUpdate(displayName is null ? null : string.IsNullOrWhiteSpace(displayName) ? name : displayName.Trim(), email, parsedRoles, checkedDomains, enabled, Now);
        try
        {
            var change = Change(AuditActions.UserUpdate, resource, UserPayload(name!, update.DisplayName, update.Email, update.Roles, update.Domains, enabled));
            return await store.UpdateUserAsync(change, name!, update, cancellationToken);
        }
        finally
        {
            credentials.ForgetUser(name!);
        }
    }

    /// <summary>Sets a user's password (their own, or anyone's for an admin). The ledger entry never covers the password.</summary>
    public async Task SetPasswordAsync(string? name, string? password, CancellationToken cancellationToken)
    {
        UserNames.Check(name);
        var resource = AuditResources.User(name!);
        await access.DemandSelfOrAsync(name!, Permission.ManageIdentities, AuditActions.UserSetPassword, resource, cancellationToken);
        PasswordHasher.CheckNew(password);
        await RequireUserAsync(name!, cancellationToken);
        var hash = PasswordHasher.Hash(password!);
        try
        {
            var change = Change(AuditActions.UserSetPassword, resource, new() { ["name"] = name });
            await store.SetPasswordHashAsync(change, name!, hash, Now, cancellationToken);
        }
        finally
        {
            credentials.ForgetUser(name!);
        }
    }

    private async Task<User> RequireUserAsync(string name, CancellationToken cancellationToken) =>
        await store.GetUserAsync(name, cancellationToken) ?? throw StewardException.NotFound($"No user named '{name}'.");

    private async Task<IReadOnlyList<string>> CheckDomainsAsync(IReadOnlyList<string> domains, CancellationToken cancellationToken)
    {
        var names = domains.Select(d => DomainNames.Check(d, "domains")).Distinct(StringComparer.Ordinal).ToList();
        foreach (var name in names)
        {
            if (await store.GetDomainAsync(name, cancellationToken) is null)
            {
                throw StewardException.Invalid($"The domain '{name}' named in 'domains' does not exist; create it first.");
            }
        }

        return names;
    }

    private static void CheckProfile(string? displayName, string? email)
    {
        Validation.MaxLength(displayName, MaxDisplayNameLength, "displayName");
        Validation.MaxLength(email, MaxEmailLength, "email");
        if (!string.IsNullOrEmpty(email) && (email.IndexOf('@', StringComparison.Ordinal) is <= 0 || email.Any(char.IsWhiteSpace)))
        {
            throw StewardException.Invalid($"Invalid value '{email}' for 'email': expected an address such as name@example.org.");
        }
    }

    private static string? EmptyToNull(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
