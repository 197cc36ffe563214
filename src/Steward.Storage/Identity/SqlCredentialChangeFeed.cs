using Steward.Identity;
using Steward.Storage.Sql;

namespace Steward.Storage.Identity;

/// <summary>
/// Credential changes announced through the database: <see cref="SqlIdentityStore"/> announces
/// each in the transaction that makes it, so an announcement is heard exactly when the change
/// committed. On PostgreSQL every server sharing the database hears it; SQLite has no channel.
/// </summary>
internal sealed class SqlCredentialChangeFeed(SqlDatabase database) : ICredentialChangeFeed
{
    /// <summary>The channel; the payload is the user's name.</summary>
    public const string Channel = "steward_credentials";

    public Task ListenAsync(Action<string> changed, CancellationToken cancellationToken) =>
        database.ListenAsync(Channel, changed, cancellationToken);

    /// <summary>Announces, when <paramref name="session"/>'s transaction commits, that <paramref name="userName"/>'s credentials changed.</summary>
    public static Task AnnounceAsync(SqlSession session, string userName) =>
        session.Dialect is PostgresDialect
            ? session.ExecuteAsync($"SELECT pg_notify('{Channel}', @userName)", new { userName })
            : Task.CompletedTask;
}
