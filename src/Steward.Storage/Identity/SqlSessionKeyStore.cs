using Steward.Audit;
using Steward.Identity;
using Steward.Storage.Sql;

namespace Steward.Storage.Identity;

/// <summary>The web UI's cookie keys in the <c>session_keys</c> table (migration 0011).</summary>
internal sealed class SqlSessionKeyStore(SqlDatabase database) : ISessionKeyStore
{
    // SQL: statements that differ by dialect, and any longer than a few lines, would be embedded
    // files beside this class (Identity/*.sql, read with SqlText); these two read alike on both.
    public Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<string>>(
            async session => await session.QueryAsync<string>("SELECT xml FROM session_keys ORDER BY element_id"), cancellationToken);

    public Task AddAsync(AuditedChange change, string name, string xml, long createdAt, CancellationToken cancellationToken) =>
        database.WriteAsync(change, 
            session => session.ExecuteAsync(
                "INSERT INTO session_keys (name, xml, created_at) VALUES (@name, @xml, @createdAt) ON CONFLICT (name) DO NOTHING",
                new { name, xml, createdAt }),
            cancellationToken);
}
