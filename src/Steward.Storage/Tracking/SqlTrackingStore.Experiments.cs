using System.Data.Common;
using System.Globalization;
using Steward.Audit;
using Steward.Errors;
using Steward.Paging;
using Steward.Storage.Sql;
using Steward.Tracking;

namespace Steward.Storage.Tracking;

internal sealed partial class SqlTrackingStore
{
    private const string ExperimentColumns = "experiment_id, name, artifact_location, lifecycle_stage, creation_time, last_update_time, domain";

    public async Task<string> CreateExperimentAsync(AuditedChange change, string name, string? artifactLocation, string defaultArtifactRoot, string domain, IReadOnlyList<Tag> tags, long now, CancellationToken cancellationToken)
    {
        try
        {
            return await database.WriteAsync(change, async session =>
            {
                // Names stay unique among deleted experiments too, as in MLflow.
                if (await session.ScalarAsync<long?>("SELECT experiment_id FROM experiments WHERE name = @name", new { name }) is not null)
                {
                    throw ExperimentExists(name);
                }

                var id = await session.ScalarAsync<long>(
                    "INSERT INTO experiments (name, artifact_location, lifecycle_stage, creation_time, last_update_time, domain) VALUES (@name, @location, @stage, @now, @now, @domain) RETURNING experiment_id",
                    new { name, location = artifactLocation ?? "", stage = Lifecycle.Active, now, domain });
                var idText = id.ToString(CultureInfo.InvariantCulture);
                if (artifactLocation is null)
                {
                    await session.ExecuteAsync(
                        "UPDATE experiments SET artifact_location = @location WHERE experiment_id = @id",
                        new { id, location = $"{defaultArtifactRoot}/{idText}" });
                }

                foreach (var tag in tags) await UpsertExperimentTagAsync(session, id, tag);
                return idText;
            }, cancellationToken);
        }
        catch (DbException e) when (Dialect.IsUniqueViolation(e))
        {
            // Another server created the same name between our check and our insert.
            throw ExperimentExists(name);
        }
    }

    public Task<Experiment?> GetExperimentAsync(string experimentId, CancellationToken cancellationToken)
    {
        if (ParseExperimentId(experimentId) is not { } id) return Task.FromResult<Experiment?>(null);
        return database.ReadAsync(async session =>
        {
            var rows = await session.QueryAsync<ExperimentRow>($"SELECT {ExperimentColumns} FROM experiments WHERE experiment_id = @id", new { id });
            return (await LoadExperimentsAsync(session, rows)).FirstOrDefault();
        }, cancellationToken);
    }

    public Task<Experiment?> GetExperimentByNameAsync(string name, CancellationToken cancellationToken) =>
        database.ReadAsync(async session =>
        {
            var rows = await session.QueryAsync<ExperimentRow>($"SELECT {ExperimentColumns} FROM experiments WHERE name = @name", new { name });
            return (await LoadExperimentsAsync(session, rows)).FirstOrDefault();
        }, cancellationToken);

    public Task<Page<Experiment>> SearchExperimentsAsync(ExperimentQuery query, CancellationToken cancellationToken)
    {
        var (sql, args) = ExperimentSearchSql.Experiments(Dialect, query);
        return database.ReadAsync(async session =>
        {
            var rows = await session.QueryAsync<ExperimentRow>(sql, args);
            return PageToken.Slice(await LoadExperimentsAsync(session, rows), query.Offset, query.MaxResults);
        }, cancellationToken);
    }

    public async Task RenameExperimentAsync(AuditedChange change, string experimentId, string newName, long now, CancellationToken cancellationToken)
    {
        var id = ParseExperimentId(experimentId) ?? throw ExperimentNotFound(experimentId);
        try
        {
            await database.WriteAsync(change, async session =>
            {
                var holder = await session.ScalarAsync<long?>("SELECT experiment_id FROM experiments WHERE name = @newName", new { newName });
                if (holder is not null && holder != id) throw ExperimentExists(newName);
                var updated = await session.ExecuteAsync(
                    "UPDATE experiments SET name = @newName, last_update_time = @now WHERE experiment_id = @id",
                    new { id, newName, now });
                if (updated == 0) throw ExperimentNotFound(experimentId);
            }, cancellationToken);
        }
        catch (DbException e) when (Dialect.IsUniqueViolation(e))
        {
            throw ExperimentExists(newName);
        }
    }

    public Task SetExperimentLifecycleAsync(AuditedChange change, string experimentId, LifecycleStage stage, long now, CancellationToken cancellationToken)
    {
        var id = ParseExperimentId(experimentId) ?? throw ExperimentNotFound(experimentId);
        return database.WriteAsync(change, async session =>
        {
            var current = await session.FirstOrDefaultAsync<ExperimentRow>(Sql("lock_experiment"), new { id })
                ?? throw ExperimentNotFound(experimentId);
            var target = Lifecycle.Name(stage);
            if (current.LifecycleStage == target) return;
            if (stage == LifecycleStage.Deleted)
            {
                await session.ExecuteAsync(
                    "UPDATE runs SET lifecycle_stage = @target, deleted_time = @now WHERE experiment_id = @id AND lifecycle_stage = @active",
                    new { id, target, now, active = Lifecycle.Active });
            }
            else
            {
                // Restore the runs the experiment's deletion took with it (deleted at or after
                // that moment), not the ones deleted on their own before it, as MLflow does.
                await session.ExecuteAsync(
                    "UPDATE runs SET lifecycle_stage = @target, deleted_time = NULL WHERE experiment_id = @id AND lifecycle_stage = @deleted AND deleted_time >= @deletedAt",
                    new { id, target, deleted = Lifecycle.Deleted, deletedAt = current.LastUpdateTime });
            }

            await session.ExecuteAsync(
                "UPDATE experiments SET lifecycle_stage = @target, last_update_time = @now WHERE experiment_id = @id",
                new { id, target, now });
        }, cancellationToken);
    }

    public Task SetExperimentTagAsync(AuditedChange change, string experimentId, Tag tag, long now, CancellationToken cancellationToken)
    {
        var id = ParseExperimentId(experimentId) ?? throw ExperimentNotFound(experimentId);
        return database.WriteAsync(change, async session =>
        {
            await TouchExperimentAsync(session, id, experimentId, now);
            await UpsertExperimentTagAsync(session, id, tag);
        }, cancellationToken);
    }

    public Task DeleteExperimentTagAsync(AuditedChange change, string experimentId, string key, long now, CancellationToken cancellationToken)
    {
        var id = ParseExperimentId(experimentId) ?? throw ExperimentNotFound(experimentId);
        return database.WriteAsync(change, async session =>
        {
            await TouchExperimentAsync(session, id, experimentId, now);
            var deleted = await session.ExecuteAsync("DELETE FROM experiment_tags WHERE experiment_id = @id AND key = @key", new { id, key });
            if (deleted == 0) throw StewardException.NotFound($"No tag with name: {key} in experiment with id {experimentId}");
        }, cancellationToken);
    }

    private static async Task TouchExperimentAsync(SqlSession session, long id, string experimentId, long now)
    {
        var updated = await session.ExecuteAsync("UPDATE experiments SET last_update_time = @now WHERE experiment_id = @id", new { id, now });
        if (updated == 0) throw ExperimentNotFound(experimentId);
    }

    private static Task UpsertExperimentTagAsync(SqlSession session, long id, Tag tag) =>
        session.ExecuteAsync(
            "INSERT INTO experiment_tags (experiment_id, key, value) VALUES (@id, @key, @value) ON CONFLICT (experiment_id, key) DO UPDATE SET value = excluded.value",
            new { id, key = tag.Key, value = tag.Value });

    private async Task<List<Experiment>> LoadExperimentsAsync(SqlSession session, List<ExperimentRow> rows)
    {
        if (rows.Count == 0) return [];
        var ids = rows.Select(r => r.ExperimentId).ToArray();
        var tags = (await session.QueryAsync<(long ExperimentId, string Key, string Value)>(
                Sql("load_experiment_tags"), new { ids = session.Dialect.ListValue(ids) }))
            .ToLookup(t => t.ExperimentId);
        return rows.Select(r => r.ToExperiment(tags[r.ExperimentId].Select(t => new Tag(t.Key, t.Value)).ToList())).ToList();
    }
}
