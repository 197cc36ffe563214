using Steward.Audit;

namespace Steward.Identity;

/// <summary>
/// Where users, their roles, domains, password hashes and API tokens live, and the domains.
/// One implementation per database, both held to one contract test suite.
/// </summary>
/// <remarks>
/// Every write is one transaction with its ledger entry (the caller's <see cref="AuditedChange"/>),
/// except <see cref="RecordTokenUseAsync"/>, which is bookkeeping and appends none. Missing
/// users or tokens throw <see cref="Errors.StewardException"/> with ResourceDoesNotExist; a
/// duplicate name throws ResourceAlreadyExists. Callers pass validated input; domains named
/// must exist (domains are never deleted).
/// </remarks>
public interface IIdentityStore
{
    Task<Domain> CreateDomainAsync(AuditedChange change, Domain domain, CancellationToken cancellationToken);

    Task<Domain?> GetDomainAsync(string name, CancellationToken cancellationToken);

    Task<IReadOnlyList<Domain>> ListDomainsAsync(CancellationToken cancellationToken);

    /// <summary>A domain with its members and the number of experiments and registered models it owns; null when there is none.</summary>
    Task<DomainDetails?> GetDomainDetailsAsync(string name, CancellationToken cancellationToken);

    Task<User> CreateUserAsync(AuditedChange change, NewUser user, CancellationToken cancellationToken);

    Task<User?> GetUserAsync(string name, CancellationToken cancellationToken);

    /// <summary>Every user, by name.</summary>
    Task<IReadOnlyList<User>> ListUsersAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Applies a change and returns the user as it stands. Refuses (InvalidParameterValue) a change
    /// that would leave no enabled admin when the user was one.
    /// </summary>
    Task<User> UpdateUserAsync(AuditedChange change, string name, UserUpdate update, CancellationToken cancellationToken);

    /// <summary>Stores a password hash (<see cref="PasswordHasher"/>) for an existing user.</summary>
    Task SetPasswordHashAsync(AuditedChange change, string name, string passwordHash, long now, CancellationToken cancellationToken);

    /// <summary>The user with their password hash (null when none was set); null when there is no such user.</summary>
    Task<(User User, string? PasswordHash)?> GetUserWithPasswordAsync(string name, CancellationToken cancellationToken);

    Task<ApiToken> CreateTokenAsync(AuditedChange change, NewApiToken token, CancellationToken cancellationToken);

    /// <summary>A user's tokens, newest first, revoked and expired ones included.</summary>
    Task<IReadOnlyList<ApiToken>> ListTokensAsync(string userName, CancellationToken cancellationToken);

    /// <summary>Revokes one of a user's tokens (revoking twice keeps the first time) and returns it.</summary>
    Task<ApiToken> RevokeTokenAsync(AuditedChange change, string userName, string tokenId, string revokedBy, long now, CancellationToken cancellationToken);

    /// <summary>The token whose secret hashes to <paramref name="secretHash"/>, with its user; null when none does.</summary>
    Task<(ApiToken Token, User User)?> FindTokenAsync(string secretHash, CancellationToken cancellationToken);

    /// <summary>Records when a token last authenticated a request; bookkeeping, with no ledger entry.</summary>
    Task RecordTokenUseAsync(string tokenId, long now, CancellationToken cancellationToken);

    /// <summary>True when some enabled admin user exists.</summary>
    Task<bool> HasEnabledAdminAsync(CancellationToken cancellationToken);
}
