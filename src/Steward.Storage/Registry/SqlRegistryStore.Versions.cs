using Steward.Audit;
using Steward.Errors;
using Steward.Paging;
using Steward.Registry;
using Steward.Storage.Sql;
using Steward.Tracking;

namespace Steward.Storage.Registry;

internal sealed partial class SqlRegistryStore
{
    /// <summary>A version row's columns, <c>v</c> being <c>model_versions</c> joined to <c>rm</c>, its model.</summary>
    internal const string VersionColumns = "v.model_id, rm.name, v.version, v.creation_time, v.last_updated_time, v.user_id, v.description, v.current_stage, v.source, v.run_id, v.run_link, v.status, v.status_message";

    public Task<ModelVersion> CreateModelVersionAsync(AuditedChange change, NewModelVersion version, CancellationToken cancellationToken) =>
        database.WriteAsync(change, async session =>
        {
            // One UPDATE both locks the model row (PostgreSQL) until commit and takes the next
            // number, so concurrent creates on several servers get distinct numbers, and
            // numbers of deleted versions are never handed out again.
            var numbered = await session.FirstOrDefaultAsync<(long ModelId, int Version)>(
                "UPDATE registered_models SET last_version = last_version + 1, last_updated_time = @Now WHERE name = @Name RETURNING model_id, last_version",
                new { version.Name, version.Now })
                ;
            if (numbered == default) throw ModelNotFound(version.Name);
            await session.ExecuteAsync(Sql("insert_version"), new
            {
                numbered.ModelId,
                numbered.Version,
                version.Now,
                version.UserId,
                version.Description,
                stage = ModelStages.Name(ModelStage.None),
                version.Source,
                version.RunId,
                version.RunLink,
                status = "READY",
            });
            await UpsertVersionTagsAsync(session, numbered.ModelId, numbered.Version, version.Tags.GroupBy(t => t.Key).Select(g => g.Last()).ToList());
            return await LoadVersionAsync(session, version.Name, numbered.Version) ?? throw VersionNotFound(version.Name, numbered.Version);
        }, cancellationToken);

    public Task<ModelVersion?> GetModelVersionAsync(string name, int version, CancellationToken cancellationToken) =>
        database.ReadAsync(session => LoadVersionAsync(session, name, version), cancellationToken);

    public Task<ModelVersion> UpdateModelVersionAsync(AuditedChange change, string name, int version, string description, long now, CancellationToken cancellationToken) =>
        database.WriteAsync(change, async session =>
        {
            var row = await RequireVersionAsync(session, name, version);
            await session.ExecuteAsync(
                "UPDATE model_versions SET description = @description, last_updated_time = @now WHERE model_id = @ModelId AND version = @version",
                new { row.ModelId, version, description, now });
            return await LoadVersionAsync(session, name, version) ?? throw VersionNotFound(name, version);
        }, cancellationToken);

    public Task DeleteModelVersionAsync(AuditedChange change, string name, int version, long now, CancellationToken cancellationToken) =>
        database.WriteAsync(change, async session =>
        {
            var row = await RequireVersionAsync(session, name, version);
            await session.ExecuteAsync(Sql("delete_version"), new { row.ModelId, version });
            await session.ExecuteAsync(
                "UPDATE registered_models SET last_updated_time = @now WHERE model_id = @ModelId",
                new { row.ModelId, now });
        }, cancellationToken);

    public Task SetModelVersionTagAsync(AuditedChange change, string name, int version, Tag tag, long now, CancellationToken cancellationToken) =>
        database.WriteAsync(change, async session =>
        {
            var row = await TouchVersionAsync(session, name, version, now);
            await UpsertVersionTagsAsync(session, row.ModelId, version, [tag]);
        }, cancellationToken);

    public Task DeleteModelVersionTagAsync(AuditedChange change, string name, int version, string key, long now, CancellationToken cancellationToken) =>
        database.WriteAsync(change, async session =>
        {
            var row = await TouchVersionAsync(session, name, version, now);
            await session.ExecuteAsync(
                "DELETE FROM model_version_tags WHERE model_id = @ModelId AND version = @version AND key = @key",
                new { row.ModelId, version, key });
        }, cancellationToken);

    public Task<Page<ModelVersion>> SearchModelVersionsAsync(RegistryQuery query, CancellationToken cancellationToken)
    {
        var (sql, args) = RegistrySearchSql.Versions(Dialect, query);
        return database.ReadAsync(async session =>
        {
            var rows = await session.QueryAsync<VersionRow>(sql, args);
            var page = PageToken.Slice(rows, query.Offset, query.MaxResults);
            return new Page<ModelVersion>(await LoadVersionsAsync(session, page.Items), page.NextPageToken);
        }, cancellationToken);
    }

    public Task<ModelVersion> TransitionStageAsync(AuditedChange change, string name, int version, ModelStage stage, bool archiveExisting, long now, CancellationToken cancellationToken) =>
        database.WriteAsync(change, async session =>
        {
            var row = await RequireVersionAsync(session, name, version);
            if (archiveExisting)
            {
                if (stage is not (ModelStage.Staging or ModelStage.Production))
                {
                    throw StewardException.Invalid($"Model version transition cannot archive existing model versions because '{ModelStages.Name(stage)}' is not an Active stage. Valid stages are Staging, Production");
                }

                await session.ExecuteAsync(
                    "UPDATE model_versions SET current_stage = @archived, last_updated_time = @now WHERE model_id = @ModelId AND current_stage = @stage AND version <> @version",
                    new { row.ModelId, version, now, stage = ModelStages.Name(stage), archived = ModelStages.Name(ModelStage.Archived) });
            }

            await session.ExecuteAsync(
                "UPDATE model_versions SET current_stage = @stage, last_updated_time = @now WHERE model_id = @ModelId AND version = @version",
                new { row.ModelId, version, now, stage = ModelStages.Name(stage) });
            // The lifecycle's "deployed to staging" step reads which stages a version has entered.
            await session.ExecuteAsync(
                "INSERT INTO model_version_stage_history (model_id, version, stage, entered_at) VALUES (@ModelId, @version, @stage, @now)",
                new { row.ModelId, version, now, stage = ModelStages.Name(stage) });
            await session.ExecuteAsync("UPDATE registered_models SET last_updated_time = @now WHERE model_id = @ModelId", new { row.ModelId, now });
            return await LoadVersionAsync(session, name, version) ?? throw VersionNotFound(name, version);
        }, cancellationToken);

    public Task SetAliasAsync(AuditedChange change, string name, string alias, int version, long now, CancellationToken cancellationToken) =>
        database.WriteAsync(change, async session =>
        {
            var row = await RequireVersionAsync(session, name, version);
            await session.ExecuteAsync(
                "INSERT INTO registered_model_aliases (model_id, alias, version) VALUES (@ModelId, @alias, @version) ON CONFLICT (model_id, alias) DO UPDATE SET version = excluded.version",
                new { row.ModelId, alias, version });
            await session.ExecuteAsync("UPDATE registered_models SET last_updated_time = @now WHERE model_id = @ModelId", new { row.ModelId, now });
        }, cancellationToken);

    public Task DeleteAliasAsync(AuditedChange change, string name, string alias, long now, CancellationToken cancellationToken) =>
        database.WriteAsync(change, async session =>
        {
            var model = await TouchModelAsync(session, name, now);
            await session.ExecuteAsync("DELETE FROM registered_model_aliases WHERE model_id = @ModelId AND alias = @alias", new { model.ModelId, alias });
        }, cancellationToken);

    public Task<int?> ResolveAliasAsync(string name, string alias, CancellationToken cancellationToken) =>
        database.ReadAsync(session => session.ScalarAsync<int?>(
            "SELECT a.version FROM registered_model_aliases a JOIN registered_models rm ON rm.model_id = a.model_id WHERE rm.name = @name AND a.alias = @alias",
            new { name, alias }), cancellationToken);

    private static Task<VersionRow?> FindVersionAsync(SqlSession session, string name, int version) =>
        session.FirstOrDefaultAsync<VersionRow>(
            $"SELECT {VersionColumns} FROM model_versions v JOIN registered_models rm ON rm.model_id = v.model_id WHERE rm.name = @name AND v.version = @version",
            new { name, version });

    private static async Task<VersionRow> RequireVersionAsync(SqlSession session, string name, int version) =>
        await FindVersionAsync(session, name, version) ?? throw VersionNotFound(name, version);

    private static async Task<VersionRow> TouchVersionAsync(SqlSession session, string name, int version, long now)
    {
        var row = await RequireVersionAsync(session, name, version);
        await session.ExecuteAsync(
            "UPDATE model_versions SET last_updated_time = @now WHERE model_id = @ModelId AND version = @version",
            new { row.ModelId, version, now });
        return row;
    }

    private static async Task UpsertVersionTagsAsync(SqlSession session, long modelId, int version, IReadOnlyList<Tag> tags)
    {
        foreach (var tag in tags)
        {
            await session.ExecuteAsync(
                "INSERT INTO model_version_tags (model_id, version, key, value) VALUES (@modelId, @version, @Key, @Value) ON CONFLICT (model_id, version, key) DO UPDATE SET value = excluded.value",
                new { modelId, version, tag.Key, tag.Value });
        }
    }
}
