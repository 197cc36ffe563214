namespace Steward.Identity;

/// <summary>How a request proved who it is.</summary>
public enum AuthenticationMethod
{
    /// <summary>No credentials, on a server bound to loopback: the local administrator.</summary>
    LocalAdmin,
    /// <summary>An API token (<c>Authorization: Bearer</c>, or as the password of HTTP Basic).</summary>
    Token,
    /// <summary>The user's password (HTTP Basic).</summary>
    Password,
}

/// <summary>
/// The authenticated identity behind a request: its name (what ledger entries record), its
/// roles and its domains. An admin belongs to every domain.
/// </summary>
/// <param name="Name">The user's name, or <see cref="LocalAdminName"/>.</param>
/// <param name="Roles">What the principal may do (<see cref="PermissionTable"/>).</param>
/// <param name="Domains">Where it may write, the first being where its new objects go by default.</param>
/// <param name="Method">How it authenticated.</param>
public sealed record Principal(string Name, IReadOnlyList<Role> Roles, IReadOnlyList<string> Domains, AuthenticationMethod Method)
{
    /// <summary>The name the local administrator acts under (the ledger's <c>local-admin</c>).</summary>
    public const string LocalAdminName = Audit.LocalAdmin.ActorName;

    /// <summary>Who requests without credentials on a loopback server are.</summary>
    public static Principal LocalAdmin { get; } = new(LocalAdminName, [Role.Admin], [DomainNames.Default], AuthenticationMethod.LocalAdmin);

    /// <summary>True for admins, who hold every permission in every domain.</summary>
    public bool IsAdmin => Roles.Contains(Role.Admin);

    /// <summary>Where new experiments and models go when the request names no domain; null when the principal belongs to none.</summary>
    public string? DefaultDomain => Domains.Count > 0 ? Domains[0] : IsAdmin ? DomainNames.Default : null;

    /// <summary>True when one of the principal's roles holds the permission.</summary>
    public bool Holds(Permission permission) => PermissionTable.Holds(Roles, permission);

    /// <summary>True when the principal may write inside <paramref name="domain"/>.</summary>
    public bool BelongsTo(string domain) => IsAdmin || Domains.Contains(domain, StringComparer.Ordinal);

    /// <summary>True when the principal may take <paramref name="permission"/> on something in <paramref name="domain"/>.</summary>
    public bool May(Permission permission, string domain) =>
        Holds(permission) && (PermissionTable.Rule(permission).Scope == PermissionScope.Everywhere || BelongsTo(domain));

    /// <summary>The roles as the wire spells them.</summary>
    public IReadOnlyList<string> RoleNames => Roles.Select(Identity.Roles.Name).ToList();
}
