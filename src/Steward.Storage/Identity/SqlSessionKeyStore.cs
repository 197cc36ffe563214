using Steward.Identity;
using Steward.Storage.Sql;

namespace Steward.Storage.Identity;

/// <summary>The web UI's cookie keys in the <c>session_keys</c> table (migration 0011).</summary>
internal sealed class SqlSessionKeyStore(SqlDatabase database) : ISessionKeyStore
{
    public Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<string>>(
            async session => await session.QueryAsync<string>("SELECT xml FROM session_keys ORDER BY element_id"), cancellationToken);

    public Task AddAsync(string name, string xml, long createdAt, CancellationToken cancellationToken) =>
        database.WriteAsync(
            session => session.ExecuteAsync(
                "INSERT INTO session_keys (name, xml, created_at) VALUES (@name, @xml, @createdAt) ON CONFLICT (name) DO NOTHING",
                new { name, xml, createdAt }),
            cancellationToken);
}
