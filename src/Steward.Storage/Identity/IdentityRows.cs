using Steward.Identity;

namespace Steward.Storage.Identity;

// Rows as the database returns them; Dapper fills the properties from snake_case columns.

internal sealed class DomainRow
{
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public string CreatedBy { get; set; } = "";
    public long CreatedAt { get; set; }

    public Domain ToDomain() => new(Name, Description, CreatedBy, CreatedAt);
}

internal sealed class UserRow
{
    public string Name { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string? Email { get; set; }
    public long Enabled { get; set; }
    public string? PasswordHash { get; set; }
    public string CreatedBy { get; set; } = "";
    public long CreatedAt { get; set; }
    public long UpdatedAt { get; set; }

    public User ToUser(IEnumerable<string> roles, IEnumerable<string> domains) => new(
        Name, DisplayName, Email, roles.Select(r => Roles.Parse(r)).Order().ToList(), domains.ToList(), Enabled != 0, PasswordHash is not null, CreatedBy, CreatedAt, UpdatedAt);
}

internal sealed class UserRoleRow
{
    public string UserName { get; set; } = "";
    public string Role { get; set; } = "";
}

internal sealed class UserDomainRow
{
    public string UserName { get; set; } = "";
    public string Domain { get; set; } = "";
}

internal sealed class TokenRow
{
    public string TokenId { get; set; } = "";
    public string UserName { get; set; } = "";
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public string CreatedBy { get; set; } = "";
    public long CreatedAt { get; set; }
    public long? ExpiresAt { get; set; }
    public long? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }
    public long? LastUsedAt { get; set; }

    public ApiToken ToToken() => new(TokenId, UserName, Name, Description, CreatedBy, CreatedAt, ExpiresAt, RevokedAt, RevokedBy, LastUsedAt);
}
