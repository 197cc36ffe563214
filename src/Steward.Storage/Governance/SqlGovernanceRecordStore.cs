using Steward.Audit;
using Steward.Errors;
using Steward.Governance.Records;
using Steward.Registry;
using Steward.Storage.Sql;

namespace Steward.Storage.Governance;

/// <summary>Governance records and reviews on SQLite or PostgreSQL; every write locks the model's row first.</summary>
internal sealed class SqlGovernanceRecordStore(SqlDatabase database) : IGovernanceRecordStore
{
    // SQL rule: statements that differ by dialect, or run past a few lines, live in the .sql files beside
    // this store (GovernanceSql, SqlText); short statements that every dialect reads alike stay inline.

    public Task<(GovernanceRecord Record, bool Created)> UpsertAsync(AuditedChange change, string modelName, GovernanceRecordChanges changes, string actor, long now, CancellationToken cancellationToken) =>
        database.WriteAsync(change, async session =>
        {
            var modelId = await ModelKeys.LockModelAsync(session, modelName);
            // The record's domain is the model's, read under the model's lock: a move by an admin
            // (which rewrites registered_models.domain) cannot slip between this check and the write.
            var modelDomain = (await session.ScalarAsync<string>("SELECT domain FROM registered_models WHERE model_id = @modelId", new { modelId }))!;
            if (changes.Domain is { } requested && requested != modelDomain) throw RecordDomain.Mismatch(modelName, modelDomain, requested);
            var existing = await LoadAsync(session, "WHERE g.model_id = @modelId", new { modelId });
            var current = existing.FirstOrDefault();
            if (current is null)
            {
                if (string.IsNullOrWhiteSpace(changes.Owner)) throw StewardException.Invalid("Missing value for required field 'owner': a new governance record needs an owner.");
                current = new GovernanceRecord(modelName, "", modelDomain, "", "", "", "", GovernanceStatus.Draft, [], actor, now, actor, now, null);
            }
            else if (changes.Owner is { } owner && owner.Length == 0)
            {
                throw StewardException.Invalid("Field 'owner' must not be empty: every governance record has an owner.");
            }

            var next = current with
            {
                Owner = changes.Owner ?? current.Owner,
                Domain = modelDomain,
                Purpose = changes.Purpose ?? current.Purpose,
                IntendedUse = changes.IntendedUse ?? current.IntendedUse,
                AffectedParties = changes.AffectedParties ?? current.AffectedParties,
                Target = changes.Target ?? current.Target,
                Status = changes.Status ?? current.Status,
                Checklists = changes.Checklists ?? current.Checklists,
                UpdatedBy = actor,
                UpdatedAt = now,
            };
            var args = new
            {
                modelId, next.Owner, next.Domain, next.Purpose, next.IntendedUse, next.AffectedParties, next.Target,
                status = GovernanceNames.Name(next.Status), checklists = StoredJson.Write(next.Checklists),
                next.CreatedBy, next.CreatedAt, next.UpdatedBy, next.UpdatedAt,
            };
            if (existing.Count == 0)
            {
                await session.ExecuteAsync(GovernanceSql.Get(session, "insert_governance_record"), args);
            }
            else
            {
                await session.ExecuteAsync(GovernanceSql.Get(session, "update_governance_record"), args);
            }

            return (next, existing.Count == 0);
        }, cancellationToken);

    public Task<GovernanceRecord?> GetAsync(string modelName, CancellationToken cancellationToken) =>
        database.ReadAsync(async session => (await LoadAsync(session, "WHERE rm.name = @modelName", new { modelName })).FirstOrDefault(), cancellationToken);

    public Task<IReadOnlyList<GovernanceRecord>> ListAsync(GovernanceRecordFilter filter, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<GovernanceRecord>>(async session =>
        {
            var conditions = new List<string>();
            if (filter.Domain is not null) conditions.Add("rm.domain = @Domain");
            if (filter.Owner is not null) conditions.Add("g.owner = @Owner");
            if (filter.Status is not null) conditions.Add("g.status = @status");
            var where = conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);
            return await LoadAsync(session, where + " ORDER BY rm.name", new
            {
                filter.Domain, filter.Owner, status = filter.Status is { } s ? GovernanceNames.Name(s) : null,
            });
        }, cancellationToken);

    public Task<Review> AddReviewAsync(AuditedChange change, string modelName, ReviewOutcome outcome, string notes, string reviewer, long now, CancellationToken cancellationToken) =>
        database.WriteAsync(change, async session =>
        {
            var modelId = await ModelKeys.LockModelAsync(session, modelName);
            if (await session.FirstOrDefaultAsync<int?>("SELECT 1 FROM governance_records WHERE model_id = @modelId", new { modelId }) is null)
                throw StewardException.NotFound($"Registered model '{modelName}' has no governance record to review; create it with an owner and a domain first.");
            var id = await session.ScalarAsync<long>(
                "INSERT INTO governance_reviews (model_id, reviewed_at, reviewer, outcome, notes) VALUES (@modelId, @now, @reviewer, @outcome, @notes) RETURNING review_id",
                new { modelId, now, reviewer, outcome = GovernanceNames.Name(outcome), notes });
            await session.ExecuteAsync("UPDATE governance_records SET last_review_id = @id WHERE model_id = @modelId", new { id, modelId });
            return new Review(id, modelName, now, reviewer, outcome, notes);
        }, cancellationToken);

    public Task<IReadOnlyDictionary<string, IReadOnlyList<int>>> ListProductionVersionsAsync(string? modelName, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyDictionary<string, IReadOnlyList<int>>>(async session =>
        {
            var only = modelName is null ? "" : " AND rm.name = @modelName";
            var rows = await session.QueryAsync<ProductionRow>($"{GovernanceSql.Get(session, "list_production_versions")}{only} ORDER BY rm.name, v.version", new
            {
                modelName, production = ModelStages.Name(ModelStage.Production),
            });
            return rows.GroupBy(r => r.ModelName, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<int>)g.Select(r => r.Version).ToList(), StringComparer.Ordinal);
        }, cancellationToken);

    public Task<IReadOnlyList<Review>> ListReviewsAsync(string modelName, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<Review>>(async session =>
        {
            var rows = await session.QueryAsync<RecordRow>(GovernanceSql.Get(session, "list_governance_reviews"), new { modelName });
            return rows.Select(r => r.ToReview()!).ToList();
        }, cancellationToken);

    private static async Task<List<GovernanceRecord>> LoadAsync(SqlSession session, string where, object args) =>
        (await session.QueryAsync<RecordRow>($"{GovernanceSql.Get(session, "select_governance_records")} {where}", args)).Select(r => r.ToRecord()).ToList();

    private sealed class ProductionRow
    {
        public string ModelName { get; set; } = "";
        public int Version { get; set; }
    }

    private sealed class RecordRow
    {
        public string ModelName { get; set; } = "";
        public string Owner { get; set; } = "";
        public string Domain { get; set; } = "";
        public string Purpose { get; set; } = "";
        public string IntendedUse { get; set; } = "";
        public string AffectedParties { get; set; } = "";
        public string Target { get; set; } = "";
        public string Status { get; set; } = "";
        public string Checklists { get; set; } = "[]";
        public string CreatedBy { get; set; } = "";
        public long CreatedAt { get; set; }
        public string UpdatedBy { get; set; } = "";
        public long UpdatedAt { get; set; }
        public long? ReviewId { get; set; }
        public long ReviewedAt { get; set; }
        public string Reviewer { get; set; } = "";
        public string Outcome { get; set; } = "";
        public string Notes { get; set; } = "";

        public Review? ToReview() => ReviewId is { } id
            ? new Review(id, ModelName, ReviewedAt, Reviewer, GovernanceNames.ParseOutcome(Outcome, "outcome"), Notes)
            : null;

        public GovernanceRecord ToRecord() => new(
            ModelName, Owner, Domain, Purpose, IntendedUse, AffectedParties, Target, GovernanceNames.ParseStatus(Status, "status"),
            StoredJson.Read<List<string>>(Checklists), CreatedBy, CreatedAt, UpdatedBy, UpdatedAt, ToReview());
    }
}
