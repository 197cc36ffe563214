using System.Globalization;
using Steward.Audit;
using Steward.Governance;
using Steward.Governance.Scorecards;
using Steward.Storage.Sql;

namespace Steward.Storage.Governance;

/// <summary>Filed scorecards on SQLite or PostgreSQL. Factors and tier floors are kept as JSON; the score as exact decimal text.</summary>
internal sealed class SqlScorecardStore(SqlDatabase database) : IScorecardStore
{
    // SQL rule: statements that differ by dialect, or run past a few lines, live in the .sql files beside
    // this store (GovernanceSql, SqlText); short statements that every dialect reads alike stay inline.

    public Task<Scorecard> AddAsync(AuditedChange change, NewScorecard scorecard, string filedBy, long now, CancellationToken cancellationToken) =>
        database.WriteAsync(change, async session =>
        {
            var modelId = await ModelKeys.LockVersionAsync(session, scorecard.ModelName, scorecard.Version);
            var result = scorecard.Result;
            var id = await session.ScalarAsync<long>(GovernanceSql.Get(session, "insert_scorecard"),
                new
                {
                    modelId, scorecard.Version, score = result.Score.ToString(CultureInfo.InvariantCulture),
                    tier = RiskTiers.Name(result.Tier), tierFromScore = RiskTiers.Name(result.TierFromScore),
                    raisedBy = StoredJson.Write(result.RaisedBy), factors = StoredJson.Write(scorecard.Factors),
                    scorecard.ConfigVersion, scorecard.ConfigSha256, filedBy, now,
                });
            return new Scorecard(id, scorecard.ModelName, scorecard.Version, result.Score, result.Tier, result.TierFromScore, result.RaisedBy,
                scorecard.Factors, scorecard.ConfigVersion, scorecard.ConfigSha256, filedBy, now);
        }, cancellationToken);

    public Task<IReadOnlyList<Scorecard>> ListAsync(string modelName, int version, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<Scorecard>>(async session =>
            (await session.QueryAsync<ScorecardRow>($"{GovernanceSql.Get(session, "select_scorecards")} WHERE rm.name = @modelName AND s.version = @version ORDER BY s.scorecard_id DESC", new { modelName, version }))
                .Select(r => r.ToScorecard()).ToList(), cancellationToken);

    public Task<IReadOnlyList<Scorecard>> LatestPerModelAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<Scorecard>>(async session =>
            (await session.QueryAsync<ScorecardRow>($"{GovernanceSql.Get(session, "select_scorecards")} WHERE s.scorecard_id IN (SELECT MAX(scorecard_id) FROM scorecards GROUP BY model_id) ORDER BY rm.name"))
                .Select(r => r.ToScorecard()).ToList(), cancellationToken);

    private sealed class ScorecardRow
    {
        public long ScorecardId { get; set; }
        public string ModelName { get; set; } = "";
        public int Version { get; set; }
        public string Score { get; set; } = "0";
        public string Tier { get; set; } = "";
        public string TierFromScore { get; set; } = "";
        public string RaisedBy { get; set; } = "[]";
        public string Factors { get; set; } = "[]";
        public int ConfigVersion { get; set; }
        public string ConfigSha256 { get; set; } = "";
        public string FiledBy { get; set; } = "";
        public long FiledAt { get; set; }

        public Scorecard ToScorecard() => new(
            ScorecardId, ModelName, Version, decimal.Parse(Score, CultureInfo.InvariantCulture),
            RiskTiers.Parse(Tier) ?? throw new InvalidOperationException($"Stored tier '{Tier}' is unknown"),
            RiskTiers.Parse(TierFromScore) ?? throw new InvalidOperationException($"Stored tier '{TierFromScore}' is unknown"),
            StoredJson.Read<List<string>>(RaisedBy), StoredJson.Read<List<FiledFactor>>(Factors),
            ConfigVersion, ConfigSha256, FiledBy, FiledAt);
    }
}
