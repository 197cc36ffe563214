using Steward.Identity;

namespace Steward.Server.NativeApi;

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
        new(a.Name, a.Version, a.Authors.Select(x => new AuthorDto(x.Actor, x.Roles, x.Actions)).ToList(),
            a.OtherActors.Select(x => new Steward.Contracts.Identity.VersionActor(x.Actor, x.Actions)).ToList());
}
