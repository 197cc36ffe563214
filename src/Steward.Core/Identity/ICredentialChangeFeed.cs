namespace Steward.Identity;

/// <summary>
/// Hears that another server sharing the database changed a user's credentials (a revoked token,
/// a disabled user, new roles, a new password), so that this server's <see cref="CredentialCache"/>
/// forgets the user at once instead of within its <see cref="CredentialCache.Lifetime"/>.
/// </summary>
public interface ICredentialChangeFeed
{
    /// <summary>
    /// Listens until <paramref name="cancellationToken"/> is cancelled, calling
    /// <paramref name="changed"/> with the user's name for each change any server commits. Returns
    /// at once where the database carries no such announcements (SQLite). Throws when the
    /// connection is lost: changes announced meanwhile were missed.
    /// </summary>
    Task ListenAsync(Action<string> changed, CancellationToken cancellationToken);
}
