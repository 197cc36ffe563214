using Steward.Identity;

namespace Steward.Server.NativeApi.Contracts;

/// <summary>A user as the API shows it: never the password hash, only whether one is set.</summary>
internal sealed record UserDto(
    string Name,
    string DisplayName,
    string? Email,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Domains,
    bool Enabled,
    bool HasPassword,
    string CreatedBy,
    long CreatedAt,
    long UpdatedAt);

internal sealed record CreateUserRequest(string? Name, string? DisplayName, string? Email, IReadOnlyList<string>? Roles, IReadOnlyList<string>? Domains);

/// <summary>PATCH body: absent fields stay as they are; an empty <c>email</c> clears it; <c>roles</c> and <c>domains</c> replace the lists.</summary>
internal sealed record UpdateUserRequest(string? DisplayName, string? Email, IReadOnlyList<string>? Roles, IReadOnlyList<string>? Domains, bool? Enabled);

internal sealed record SetPasswordRequest(string? Password);

/// <summary>An API token without its secret; <c>state</c> is active, expired or revoked.</summary>
internal sealed record TokenDto(
    string Id,
    string User,
    string Name,
    string Description,
    string State,
    string CreatedBy,
    long CreatedAt,
    long? ExpiresAt,
    long? RevokedAt,
    string? RevokedBy,
    long? LastUsedAt);

/// <summary>POST body: <c>expires</c> is empty for 90 days, <c>never</c>, a duration (<c>30d</c>, <c>12h</c>) or an ISO 8601 date.</summary>
internal sealed record CreateTokenRequest(string? Name, string? Description, string? Expires);

/// <summary>A token just created: <c>secret</c> appears here and nowhere else, ever.</summary>
internal sealed record CreatedTokenDto(TokenDto Token, string Secret);

internal sealed record DomainDto(string Name, string Description, string CreatedBy, long CreatedAt);

/// <summary>A domain with its members and how many experiments and registered models it owns.</summary>
internal sealed record DomainDetailsDto(string Name, string Description, string CreatedBy, long CreatedAt, IReadOnlyList<string> Members, long Experiments, long RegisteredModels);

internal sealed record CreateDomainRequest(string? Name, string? Description);

/// <summary>Body of <c>PUT .../domain</c>: move an experiment or a model to another domain.</summary>
internal sealed record SetDomainRequest(string? Domain);

/// <summary>
/// Who the caller is: name, roles, domains (the first is where new objects go), how it
/// authenticated (<c>token</c>, <c>password</c>, <c>local-admin</c>) and the permissions it holds.
/// </summary>
internal sealed record MeDto(
    string Name,
    string? DisplayName,
    string? Email,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Domains,
    bool AllDomains,
    string? DefaultDomain,
    string AuthenticatedBy,
    IReadOnlyList<string> Permissions);

/// <summary>The authors of a model version: each actor with its parts and its ledger actions on the version.</summary>
internal sealed record VersionAuthorsDto(string Name, int Version, IReadOnlyList<AuthorDto> Authors);

internal sealed record AuthorDto(string Actor, IReadOnlyList<string> Roles, IReadOnlyList<string> Actions);

/// <summary>Identity entities to wire records.</summary>
internal static class IdentityMapping
{
    public static UserDto ToDto(this User u) => new(
        u.Name, u.DisplayName, u.Email, u.Roles.Select(Roles.Name).ToList(), u.Domains, u.Enabled, u.HasPassword, u.CreatedBy, u.CreatedAt, u.UpdatedAt);

    public static TokenDto ToDto(this ApiToken t, long now) => new(
        t.Id, t.UserName, t.Name, t.Description, t.State(now), t.CreatedBy, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.RevokedBy, t.LastUsedAt);

    public static DomainDto ToDto(this Domain d) => new(d.Name, d.Description, d.CreatedBy, d.CreatedAt);

    public static DomainDetailsDto ToDto(this DomainDetails d) => new(
        d.Domain.Name, d.Domain.Description, d.Domain.CreatedBy, d.Domain.CreatedAt, d.Members, d.Experiments, d.RegisteredModels);

    public static MeDto ToDto(this Principal p, User? user) => new(
        p.Name,
        user?.DisplayName,
        user?.Email,
        p.RoleNames,
        p.Domains,
        p.IsAdmin,
        p.DefaultDomain,
        p.Method switch { AuthenticationMethod.Token => "token", AuthenticationMethod.Password => "password", _ => "local-admin" },
        PermissionTable.Rules.Where(r => p.Holds(r.Permission)).Select(r => PermissionTable.Name(r.Permission)).ToList());

    public static VersionAuthorsDto ToDto(this VersionAuthorship a) =>
        new(a.Name, a.Version, a.Authors.Select(x => new AuthorDto(x.Actor, x.Roles, x.Actions)).ToList());
}
