using Steward.Audit;
using Steward.Errors;
using Steward.Governance.ModelCards;
using Steward.Storage.Sql;

namespace Steward.Storage.Governance;

/// <summary>Model card revisions on SQLite or PostgreSQL, each the whole card as JSON.</summary>
internal sealed class SqlModelCardStore(SqlDatabase database) : IModelCardStore
{
    // SQL rule: statements that differ by dialect, or run past a few lines, live in the .sql files beside
    // this store (GovernanceSql, SqlText); short statements that every dialect reads alike stay inline.

    private const string Select = """
        SELECT rm.name AS model_name, c.version, c.revision, c.sections, c.edited_by, c.edited_at
        FROM model_cards c JOIN registered_models rm ON rm.model_id = c.model_id
        """;

    public Task<ModelCard> AddRevisionAsync(AuditedChange change, ModelCard card, CancellationToken cancellationToken) =>
        database.WriteAsync(change, async session =>
        {
            var modelId = await ModelKeys.LockVersionAsync(session, card.ModelName, card.Version);
            var newest = await session.ScalarAsync<int?>("SELECT MAX(revision) FROM model_cards WHERE model_id = @modelId AND version = @Version", new { modelId, card.Version }) ?? 0;
            if (card.Revision != newest + 1)
                throw StewardException.AlreadyExists($"The model card of {card.ModelName} version {card.Version} is at revision {newest}; revision {card.Revision} cannot follow it. Read it again and reapply your change.");
            await session.ExecuteAsync(
                "INSERT INTO model_cards (model_id, version, revision, sections, edited_by, edited_at) VALUES (@modelId, @Version, @Revision, @sections, @editedBy, @editedAt)",
                new { modelId, card.Version, card.Revision, sections = ModelCardContent.Serialize(card.Sections), editedBy = card.EditedBy ?? "", editedAt = card.EditedAt ?? 0 });
            return card;
        }, cancellationToken);

    public Task<ModelCard?> GetAsync(string modelName, int version, int? revision, CancellationToken cancellationToken) =>
        database.ReadAsync(async session =>
        {
            var row = revision is null
                ? await session.FirstOrDefaultAsync<CardRow>($"{Select} WHERE rm.name = @modelName AND c.version = @version ORDER BY c.revision DESC LIMIT 1", new { modelName, version })
                : await session.FirstOrDefaultAsync<CardRow>($"{Select} WHERE rm.name = @modelName AND c.version = @version AND c.revision = @revision", new { modelName, version, revision });
            return row?.ToCard();
        }, cancellationToken);

    public Task<IReadOnlyList<ModelCard>> ListAsync(string modelName, int version, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<ModelCard>>(async session =>
            (await session.QueryAsync<CardRow>($"{Select} WHERE rm.name = @modelName AND c.version = @version ORDER BY c.revision", new { modelName, version }))
                .Select(r => r.ToCard()).ToList(), cancellationToken);

    private sealed class CardRow
    {
        public string ModelName { get; set; } = "";
        public int Version { get; set; }
        public int Revision { get; set; }
        public string Sections { get; set; } = "[]";
        public string EditedBy { get; set; } = "";
        public long EditedAt { get; set; }

        public ModelCard ToCard() => new(ModelName, Version, Revision, EditedBy, EditedAt, ModelCardContent.Deserialize(Sections));
    }
}
