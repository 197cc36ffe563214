using Steward.Audit;
using Steward.Errors;
using Steward.ModelAudits;
using Steward.Storage.Sql;

namespace Steward.Storage.ModelAudits;

/// <summary>Model audits on SQLite or PostgreSQL. A renamed model keeps its audits: rows point at the surrogate model id.</summary>
/// <param name="database">Where the audits are kept.</param>
/// <param name="clock">Stamps each audit's creation time.</param>
internal sealed class SqlModelAuditStore(SqlDatabase database, TimeProvider clock) : IModelAuditStore
{
    // SQL: statements that differ by dialect, and any longer than a few lines, are embedded files
    // beside this class (ModelAudits/*.sql, read with SqlText); short ones both dialects read
    // alike stay inline.
    private static string Sql(SqlSession session, string name) => SqlText.Get(session.Dialect, $"ModelAudits.{name}");

    public Task<ModelAudit> AddAsync(AuditedChange change, NewModelAudit audit, string createdBy, CancellationToken cancellationToken = default) =>
        database.WriteAsync(change, async session =>
        {
            var modelId = await VersionKeyAsync(session, audit.ModelName, audit.Version);
            var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
            var id = await session.ScalarAsync<long>(Sql(session, "insert_audit"), new
            {
                modelId, audit.ModelName, audit.Version, kind = ModelAuditKinds.Name(audit.Kind), audit.DataSource,
                audit.SettingsJson, audit.ReportJson, verdict = VerdictName(audit.Verdict), audit.Summary, createdBy, now,
            });
            return new ModelAudit(id, audit.ModelName, audit.Version, audit.Kind, audit.DataSource, audit.SettingsJson,
                audit.ReportJson, audit.Verdict, audit.Summary, createdBy, DateTimeOffset.FromUnixTimeMilliseconds(now));
        }, cancellationToken);

    public Task<ModelAudit?> GetAsync(long id, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async session =>
        {
            var row = await session.FirstOrDefaultAsync<Row>(Sql(session, "select_audits") + " WHERE a.audit_id = @id", new { id });
            return row?.ToAudit();
        }, cancellationToken);

    public Task<IReadOnlyList<ModelAudit>> ListAsync(string modelName, int version, ModelAuditKind? kind = null, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<ModelAudit>>(async session =>
        {
            var modelId = await VersionKeyAsync(session, modelName, version);
            var kindFilter = kind is null ? "" : " AND a.kind = @kind";
            var rows = await session.QueryAsync<Row>(
                Sql(session, "select_audits") + $" WHERE a.model_id = @modelId AND a.version = @version{kindFilter} ORDER BY a.audit_id DESC",
                new { modelId, version, kind = kind is null ? null : ModelAuditKinds.Name(kind.Value) });
            return rows.Select(r => r.ToAudit()).ToList();
        }, cancellationToken);

    private static async Task<long> VersionKeyAsync(SqlSession session, string modelName, int version)
    {
        // Locked: an audit is evidence, and a promotion's gate reads it under the same lock.
        var modelId = await session.ScalarAsync<long?>(Sql(session, "lock_model"), new { modelName })
            ?? throw StewardException.NotFound($"Registered Model with name={modelName} not found");
        var exists = await session.ScalarAsync<long?>(
            "SELECT model_id FROM model_versions WHERE model_id = @modelId AND version = @version", new { modelId, version });
        return exists ?? throw StewardException.NotFound($"Model Version (name={modelName}, version={version}) not found");
    }

    private static string VerdictName(ModelAuditVerdict verdict) => verdict.ToString().ToLowerInvariant();

    // A settable class, not a positional record: Dapper converts SQLite's and PostgreSQL's integer widths into properties.
    private sealed class Row
    {
        public long Id { get; set; }
        public string ModelName { get; set; } = "";
        public int Version { get; set; }
        public string Kind { get; set; } = "";
        public string DataSource { get; set; } = "";
        public string SettingsJson { get; set; } = "";
        public string ReportJson { get; set; } = "";
        public string Verdict { get; set; } = "";
        public string Summary { get; set; } = "";
        public string CreatedBy { get; set; } = "";
        public long CreatedAtMs { get; set; }

        public ModelAudit ToAudit() => new(Id, ModelName, Version,
            ModelAuditKinds.Parse(Kind) ?? throw new InvalidOperationException($"stored audit {Id} has unknown kind '{Kind}'"),
            DataSource, SettingsJson, ReportJson, Enum.Parse<ModelAuditVerdict>(Verdict, ignoreCase: true), Summary, CreatedBy,
            DateTimeOffset.FromUnixTimeMilliseconds(CreatedAtMs));
    }
}
