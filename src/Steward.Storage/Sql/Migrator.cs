using System.Globalization;

namespace Steward.Storage.Sql;

/// <summary>
/// Applies the numbered scripts under <c>Migrations/{dialect}/</c> that the database has not
/// seen, recording each in <c>schema_migrations</c>. All of it runs in one write transaction;
/// on PostgreSQL that transaction first takes an advisory lock, so servers starting together
/// migrate one after the other and the later ones find nothing left to do.
/// Hand-written: DbUp or Evolve would keep the embedded per-dialect files but bring their own journal table, connection and locking, where this runs in Steward's write transaction and advisory lock.
/// </summary>
internal static class Migrator
{
    // Arbitrary but fixed: every Steward server must ask for the same lock.
    private const long AdvisoryLockKey = 0x5374657761726401;

    public static Task MigrateAsync(SqlDatabase database, CancellationToken cancellationToken) =>
        database.WriteWithoutEntryAsync(async session =>
        {
            if (session.Dialect is PostgresDialect)
            {
                await session.ExecuteAsync("SELECT pg_advisory_xact_lock(@key)", new { key = AdvisoryLockKey });
            }

            await session.ExecuteAsync("""
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version INTEGER PRIMARY KEY,
                    name TEXT NOT NULL,
                    applied_at BIGINT NOT NULL
                )
                """);
            var applied = (await session.QueryAsync<long>("SELECT version FROM schema_migrations")).ToHashSet();
            foreach (var (name, text) in SqlText.Under($"Migrations.{database.Dialect.Name}."))
            {
                var version = int.Parse(name[..name.IndexOf('_')], CultureInfo.InvariantCulture);
                if (applied.Contains(version)) continue;
                await session.ExecuteAsync(text);
                await session.ExecuteAsync(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @now)",
                    new { version, name, now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() });
            }

            return true;
        }, cancellationToken);
}
