using System.Data.Common;
using Steward.Audit;
using Steward.Errors;
using Steward.Governance.Configuration;
using Steward.Storage.Sql;

namespace Steward.Storage.Governance;

/// <summary>Versions of governance configuration files on SQLite or PostgreSQL, numbered per (kind, name).</summary>
internal sealed class SqlGovernanceDocumentStore(SqlDatabase database) : IGovernanceDocumentStore
{
    // SQL rule: statements that differ by dialect, or run past a few lines, live in the .sql files beside
    // this store (GovernanceSql, SqlText); short statements that every dialect reads alike stay inline.

    private const string Columns = "kind, name, version, content, sha256, created_by, created_at";

    public async Task<VersionedDocument> AddAsync(AuditedChange change, string kind, string name, string content, string sha256, string createdBy, long now, CancellationToken cancellationToken)
    {
        try
        {
            return await database.WriteAsync(change, async session =>
            {
                var version = 1 + (await session.ScalarAsync<int?>(
                    "SELECT MAX(version) FROM governance_documents WHERE kind = @kind AND name = @name", new { kind, name }) ?? 0);
                await session.ExecuteAsync(
                    $"INSERT INTO governance_documents ({Columns}) VALUES (@kind, @name, @version, @content, @sha256, @createdBy, @now)",
                    new { kind, name, version, content, sha256, createdBy, now });
                return new VersionedDocument(kind, name, version, content, sha256, createdBy, DateTimeOffset.FromUnixTimeMilliseconds(now));
            }, cancellationToken);
        }
        catch (DbException e) when (database.Dialect.IsUniqueViolation(e))
        {
            throw StewardException.AlreadyExists($"Another change to {name} was stored at the same moment; read it and try again.");
        }
    }

    public Task<VersionedDocument?> GetAsync(string kind, string name, int? version, CancellationToken cancellationToken) =>
        database.ReadAsync(async session =>
        {
            var row = version is null
                ? await session.FirstOrDefaultAsync<DocumentRow>($"SELECT {Columns} FROM governance_documents WHERE kind = @kind AND name = @name ORDER BY version DESC LIMIT 1", new { kind, name })
                : await session.FirstOrDefaultAsync<DocumentRow>($"SELECT {Columns} FROM governance_documents WHERE kind = @kind AND name = @name AND version = @version", new { kind, name, version });
            return row?.ToDocument();
        }, cancellationToken);

    public Task<IReadOnlyList<VersionedDocument>> ListVersionsAsync(string kind, string name, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<VersionedDocument>>(async session =>
            (await session.QueryAsync<DocumentRow>($"SELECT {Columns} FROM governance_documents WHERE kind = @kind AND name = @name ORDER BY version", new { kind, name }))
                .Select(r => r.ToDocument()).ToList(), cancellationToken);

    public Task<IReadOnlyList<VersionedDocument>> ListLatestAsync(string kind, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<VersionedDocument>>(async session =>
            (await session.QueryAsync<DocumentRow>(GovernanceSql.Get(session, "latest_documents"), new { kind }))
                .Select(r => r.ToDocument()).ToList(), cancellationToken);

    private sealed class DocumentRow
    {
        public string Kind { get; set; } = "";
        public string Name { get; set; } = "";
        public int Version { get; set; }
        public string Content { get; set; } = "";
        public string Sha256 { get; set; } = "";
        public string CreatedBy { get; set; } = "";
        public long CreatedAt { get; set; }

        public VersionedDocument ToDocument() => new(Kind, Name, Version, Content, Sha256, CreatedBy, DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt));
    }
}
