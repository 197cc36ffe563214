using System.Data.Common;
using Steward.Audit;
using Steward.Errors;
using Steward.Paging;
using Steward.Registry;
using Steward.Storage.Sql;
using Steward.Tracking;

namespace Steward.Storage.Registry;

/// <summary>
/// Registered models and their versions on SQLite or PostgreSQL. Models have a surrogate id,
/// so a rename is one UPDATE; their <c>last_version</c> counter hands out version numbers.
/// </summary>
internal sealed partial class SqlRegistryStore(SqlDatabase database) : IRegistryStore
{
    // SQL rule: statements that differ by dialect, or run past a few lines, live in the .sql files beside
    // this store (SqlText); short statements that every dialect reads alike stay inline.

    /// <summary>A model row's columns, <c>rm</c> being <c>registered_models</c>.</summary>
    internal const string ModelColumns = "rm.model_id, rm.name, rm.creation_time, rm.last_updated_time, rm.user_id, rm.description, rm.domain";

    private SqlDialect Dialect => database.Dialect;

    private string Sql(string name) => SqlText.Get(Dialect, $"Registry.{name}");

    public async Task<RegisteredModel> CreateRegisteredModelAsync(AuditedChange change, string name, string description, IReadOnlyList<Tag> tags, string userId, string domain, long now, CancellationToken cancellationToken)
    {
        try
        {
            return await database.WriteAsync(change, async session =>
            {
                if (await FindModelAsync(session, name) is not null) throw ModelExists(name);
                var id = await session.ScalarAsync<long>(
                    "INSERT INTO registered_models (name, creation_time, last_updated_time, user_id, description, domain) VALUES (@name, @now, @now, @userId, @description, @domain) RETURNING model_id",
                    new { name, now, userId, description, domain });
                await RecordNameAsync(session, id, name);
                await UpsertModelTagsAsync(session, id, tags.GroupBy(t => t.Key).Select(g => g.Last()).ToList());
                return await LoadModelAsync(session, name) ?? throw ModelNotFound(name);
            }, cancellationToken);
        }
        catch (DbException e) when (Dialect.IsUniqueViolation(e))
        {
            throw ModelExists(name);
        }
    }

    public Task<RegisteredModel?> GetRegisteredModelAsync(string name, CancellationToken cancellationToken) =>
        database.ReadAsync(session => LoadModelAsync(session, name), cancellationToken);

    public async Task<RegisteredModel> RenameRegisteredModelAsync(AuditedChange change, string name, string newName, long now, CancellationToken cancellationToken)
    {
        try
        {
            return await database.WriteAsync(change, async session =>
            {
                var model = await RequireModelAsync(session, name);
                if (newName != name && await FindModelAsync(session, newName) is not null) throw ModelExists(newName);
                await session.ExecuteAsync(
                    "UPDATE registered_models SET name = @newName, last_updated_time = @now WHERE model_id = @ModelId",
                    new { model.ModelId, newName, now });
                await RecordNameAsync(session, model.ModelId, newName);
                return await LoadModelAsync(session, newName) ?? throw ModelNotFound(newName);
            }, cancellationToken);
        }
        catch (DbException e) when (Dialect.IsUniqueViolation(e))
        {
            throw ModelExists(newName);
        }
    }

    public Task<RegisteredModel> UpdateRegisteredModelAsync(AuditedChange change, string name, string description, long now, CancellationToken cancellationToken) =>
        database.WriteAsync(change, async session =>
        {
            var model = await RequireModelAsync(session, name);
            await session.ExecuteAsync(
                "UPDATE registered_models SET description = @description, last_updated_time = @now WHERE model_id = @ModelId",
                new { model.ModelId, description, now });
            return await LoadModelAsync(session, name) ?? throw ModelNotFound(name);
        }, cancellationToken);

    public Task DeleteRegisteredModelAsync(AuditedChange change, string name, CancellationToken cancellationToken) =>
        database.WriteAsync(change, async session =>
        {
            var model = await RequireModelAsync(session, name);
            await session.ExecuteAsync(Sql("delete_model"), new { model.ModelId });
        }, cancellationToken);

    public Task SetRegisteredModelTagAsync(AuditedChange change, string name, Tag tag, long now, CancellationToken cancellationToken) =>
        database.WriteAsync(change, async session =>
        {
            var model = await TouchModelAsync(session, name, now);
            await UpsertModelTagsAsync(session, model.ModelId, [tag]);
        }, cancellationToken);

    public Task DeleteRegisteredModelTagAsync(AuditedChange change, string name, string key, long now, CancellationToken cancellationToken) =>
        database.WriteAsync(change, async session =>
        {
            // Deleting a tag the model does not have is not an error, as in MLflow.
            var model = await TouchModelAsync(session, name, now);
            await session.ExecuteAsync("DELETE FROM registered_model_tags WHERE model_id = @ModelId AND key = @key", new { model.ModelId, key });
        }, cancellationToken);

    public Task<Page<RegisteredModel>> SearchRegisteredModelsAsync(RegistryQuery query, CancellationToken cancellationToken)
    {
        var (sql, args) = RegistrySearchSql.Models(Dialect, query);
        return database.ReadAsync(async session =>
        {
            var rows = await session.QueryAsync<ModelRow>(sql, args);
            var page = PageToken.Slice(rows, query.Offset, query.MaxResults);
            return new Page<RegisteredModel>(await LoadModelsAsync(session, page.Items), page.NextPageToken);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<ModelVersion>> GetLatestVersionsAsync(string name, IReadOnlyList<ModelStage> stages, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<ModelVersion>>(async session =>
        {
            var model = await RequireModelAsync(session, name);
            var latest = await LatestVersionsAsync(session, [model.ModelId]);
            return latest.Where(v => stages.Count == 0 || stages.Contains(v.CurrentStage)).ToList();
        }, cancellationToken);

    private static Task<ModelRow?> FindModelAsync(SqlSession session, string name) =>
        session.FirstOrDefaultAsync<ModelRow>($"SELECT {ModelColumns} FROM registered_models rm WHERE rm.name = @name", new { name });

    private static async Task<ModelRow> RequireModelAsync(SqlSession session, string name) =>
        await FindModelAsync(session, name) ?? throw ModelNotFound(name);

    /// <summary>Bumps a model's last-updated time, returning it; fails when there is no such model.</summary>
    private static async Task<ModelRow> TouchModelAsync(SqlSession session, string name, long now)
    {
        var model = await RequireModelAsync(session, name);
        await session.ExecuteAsync("UPDATE registered_models SET last_updated_time = @now WHERE model_id = @ModelId", new { model.ModelId, now });
        return model;
    }

    private static Task UpsertModelTagsAsync(SqlSession session, long modelId, IReadOnlyList<Tag> tags) =>
        Tracking.SqlTrackingStore.InsertKeyValuesAsync(session, "registered_model_tags", "model_id", modelId, tags.Select(t => (t.Key, t.Value)).ToList(), upsert: true);

    private static StewardException ModelNotFound(string name) => StewardException.NotFound($"Registered Model with name={name} not found");

    private static StewardException ModelExists(string name) => StewardException.AlreadyExists($"Registered Model (name={name}) already exists.");

    private static StewardException VersionNotFound(string name, int version) => StewardException.NotFound($"Model Version (name={name}, version={version}) not found");
}
