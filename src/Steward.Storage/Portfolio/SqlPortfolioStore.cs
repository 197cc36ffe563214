using Steward.ModelAudits;
using Steward.Portfolio;
using Steward.Registry;
using Steward.Storage.Sql;

namespace Steward.Storage.Portfolio;

/// <summary>
/// The overview's figures on SQLite or PostgreSQL in three statements, whatever the size of the
/// registry. Short statements that read the same in both dialects stay inline; the long one is
/// <c>recent_failing_audits.sql</c>.
/// </summary>
internal sealed class SqlPortfolioStore(SqlDatabase database) : IPortfolioStore
{
    private const string StageCounts = """
        SELECT rm.domain AS Domain, v.current_stage AS Stage, COUNT(*) AS Count
        FROM model_versions v JOIN registered_models rm ON rm.model_id = v.model_id
        GROUP BY rm.domain, v.current_stage
        """;

    // The registry search's order (last updated, then name, then newest version), so the overview
    // lists the same versions a search sorted by last_updated_timestamp DESC returns first.
    private const string RecentVersions = """
        SELECT rm.name AS Name, v.version AS Version, v.current_stage AS Stage, v.last_updated_time AS LastUpdated
        FROM model_versions v JOIN registered_models rm ON rm.model_id = v.model_id
        ORDER BY v.last_updated_time DESC, rm.name ASC, v.version DESC
        LIMIT @recent
        """;

    public Task<PortfolioFigures> ReadAsync(int recentVersions, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(recentVersions);
        return database.ReadAsync(async session =>
        {
            var args = new { recent = recentVersions };
            var stages = await session.QueryAsync<StageRow>(StageCounts);
            var recent = await session.QueryAsync<VersionRow>(RecentVersions, args);
            var failing = await session.QueryAsync<AuditRow>(SqlText.Get(session.Dialect, "Portfolio.recent_failing_audits"), args);
            return new PortfolioFigures(
                stages.Select(s => new StageCount(s.Domain, ModelStages.Parse(s.Stage), (int)s.Count)).ToList(),
                recent.Select(v => new RecentVersion(v.Name, v.Version, ModelStages.Parse(v.Stage), v.LastUpdated)).ToList(),
                failing.Select(a => new FailingAudit(a.Id, a.ModelName, a.Version, Kind(a.Kind), a.Summary)).ToList());
        }, cancellationToken);
    }

    private static ModelAuditKind Kind(string name) =>
        ModelAuditKinds.Parse(name) ?? throw new InvalidOperationException($"Stored model audit has unknown kind '{name}'.");

    // Settable classes, not positional records: Dapper converts SQLite's and PostgreSQL's integer widths into properties.
    private sealed class StageRow
    {
        public string Domain { get; set; } = "";
        public string Stage { get; set; } = "";
        public long Count { get; set; }
    }

    private sealed class VersionRow
    {
        public string Name { get; set; } = "";
        public int Version { get; set; }
        public string Stage { get; set; } = "";
        public long LastUpdated { get; set; }
    }

    private sealed class AuditRow
    {
        public long Id { get; set; }
        public string ModelName { get; set; } = "";
        public int Version { get; set; }
        public string Kind { get; set; } = "";
        public string Summary { get; set; } = "";
    }
}
