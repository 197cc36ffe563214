using Steward.Errors;
using Steward.Governance.Records;
using Steward.Storage.Sql;

namespace Steward.Storage.Governance;

/// <summary>Governance records and reviews on SQLite or PostgreSQL; every write locks the model's row first.</summary>
internal sealed class SqlGovernanceRecordStore(SqlDatabase database) : IGovernanceRecordStore
{
    private const string RecordSelect = """
        SELECT rm.name AS model_name, g.owner, g.domain, g.purpose, g.intended_use, g.affected_parties, g.target, g.status, g.checklists,
               g.created_by, g.created_at, g.updated_by, g.updated_at,
               r.review_id, r.reviewed_at, r.reviewer, r.outcome, r.notes
        FROM governance_records g
        JOIN registered_models rm ON rm.model_id = g.model_id
        LEFT JOIN governance_reviews r ON r.review_id = g.last_review_id
        """;

    public Task<(GovernanceRecord Record, bool Created)> UpsertAsync(string modelName, GovernanceRecordChanges changes, string actor, long now, CancellationToken cancellationToken) =>
        database.WriteAsync(async session =>
        {
            var modelId = await ModelKeys.LockModelAsync(session, modelName);
            var existing = await LoadAsync(session, "WHERE g.model_id = @modelId", new { modelId });
            var current = existing.FirstOrDefault();
            if (current is null)
            {
                if (string.IsNullOrWhiteSpace(changes.Owner)) throw StewardException.Invalid("Missing value for required field 'owner': a new governance record needs an owner.");
                if (string.IsNullOrWhiteSpace(changes.Domain)) throw StewardException.Invalid("Missing value for required field 'domain': a new governance record needs a domain (business unit).");
                current = new GovernanceRecord(modelName, "", "", "", "", "", "", GovernanceStatus.Draft, [], actor, now, actor, now, null);
            }
            else if (changes.Owner is { } owner && owner.Length == 0)
            {
                throw StewardException.Invalid("Field 'owner' must not be empty: every governance record has an owner.");
            }
            else if (changes.Domain is { } domain && domain.Length == 0)
            {
                throw StewardException.Invalid("Field 'domain' must not be empty: every governance record has a domain.");
            }

            var next = current with
            {
                Owner = changes.Owner ?? current.Owner,
                Domain = changes.Domain ?? current.Domain,
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
                await session.ExecuteAsync("""
                    INSERT INTO governance_records (model_id, owner, domain, purpose, intended_use, affected_parties, target, status, checklists,
                                                    created_by, created_at, updated_by, updated_at, last_review_id)
                    VALUES (@modelId, @Owner, @Domain, @Purpose, @IntendedUse, @AffectedParties, @Target, @status, @checklists,
                            @CreatedBy, @CreatedAt, @UpdatedBy, @UpdatedAt, NULL)
                    """, args);
            }
            else
            {
                await session.ExecuteAsync("""
                    UPDATE governance_records SET owner = @Owner, domain = @Domain, purpose = @Purpose, intended_use = @IntendedUse,
                        affected_parties = @AffectedParties, target = @Target, status = @status, checklists = @checklists,
                        updated_by = @UpdatedBy, updated_at = @UpdatedAt
                    WHERE model_id = @modelId
                    """, args);
            }

            return (next, existing.Count == 0);
        }, cancellationToken);

    public Task<GovernanceRecord?> GetAsync(string modelName, CancellationToken cancellationToken) =>
        database.ReadAsync(async session => (await LoadAsync(session, "WHERE rm.name = @modelName", new { modelName })).FirstOrDefault(), cancellationToken);

    public Task<IReadOnlyList<GovernanceRecord>> ListAsync(GovernanceRecordFilter filter, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<GovernanceRecord>>(async session =>
        {
            var conditions = new List<string>();
            if (filter.Domain is not null) conditions.Add("g.domain = @Domain");
            if (filter.Owner is not null) conditions.Add("g.owner = @Owner");
            if (filter.Status is not null) conditions.Add("g.status = @status");
            var where = conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);
            return await LoadAsync(session, where + " ORDER BY rm.name", new
            {
                filter.Domain, filter.Owner, status = filter.Status is { } s ? GovernanceNames.Name(s) : null,
            });
        }, cancellationToken);

    public Task<Review> AddReviewAsync(string modelName, ReviewOutcome outcome, string notes, string reviewer, long now, CancellationToken cancellationToken) =>
        database.WriteAsync(async session =>
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

    public Task<IReadOnlyList<Review>> ListReviewsAsync(string modelName, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<Review>>(async session =>
        {
            var rows = await session.QueryAsync<RecordRow>("""
                SELECT rm.name AS model_name, r.review_id, r.reviewed_at, r.reviewer, r.outcome, r.notes
                FROM governance_reviews r JOIN registered_models rm ON rm.model_id = r.model_id
                WHERE rm.name = @modelName ORDER BY r.review_id DESC
                """, new { modelName });
            return rows.Select(r => r.ToReview()!).ToList();
        }, cancellationToken);

    private static async Task<List<GovernanceRecord>> LoadAsync(SqlSession session, string where, object args) =>
        (await session.QueryAsync<RecordRow>($"{RecordSelect} {where}", args)).Select(r => r.ToRecord()).ToList();

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
