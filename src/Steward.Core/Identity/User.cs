namespace Steward.Identity;

/// <summary>A person or a service account that signs in with tokens or a password.</summary>
/// <param name="Name">Unique, as the ledger records it.</param>
/// <param name="DisplayName">How people call them.</param>
/// <param name="Email">Optional contact address.</param>
/// <param name="Roles">What they may do.</param>
/// <param name="Domains">Where they may write, in order: the first is where their new objects go.</param>
/// <param name="Enabled">A disabled user's credentials are refused.</param>
/// <param name="HasPassword">True once a password was set (the hash is never read back).</param>
/// <param name="CreatedBy">Who created the user.</param>
/// <param name="CreatedAt">When, Unix milliseconds.</param>
/// <param name="UpdatedAt">Last change, Unix milliseconds.</param>
public sealed record User(
    string Name,
    string DisplayName,
    string? Email,
    IReadOnlyList<Role> Roles,
    IReadOnlyList<string> Domains,
    bool Enabled,
    bool HasPassword,
    string CreatedBy,
    long CreatedAt,
    long UpdatedAt)
{
    public Principal ToPrincipal(AuthenticationMethod method) => new(Name, Roles, Domains, method);
}

/// <summary>A validated request to create a user.</summary>
public sealed record NewUser(string Name, string DisplayName, string? Email, IReadOnlyList<Role> Roles, IReadOnlyList<string> Domains, string CreatedBy, long Now);

/// <summary>A validated change to a user; null fields stay as they are, an empty <see cref="Email"/> clears it.</summary>
public sealed record UserUpdate(string? DisplayName, string? Email, IReadOnlyList<Role>? Roles, IReadOnlyList<string>? Domains, bool? Enabled, long Now);
