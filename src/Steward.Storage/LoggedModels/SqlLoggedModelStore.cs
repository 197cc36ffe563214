using System.Globalization;
using Steward.Audit;
using Steward.Errors;
using Steward.Paging;
using Steward.Storage.Sql;
using Steward.Storage.Tracking;
using Steward.Tracking;
using Steward.Tracking.LoggedModels;

namespace Steward.Storage.LoggedModels;

/// <summary>MLflow 3's logged models on SQLite or PostgreSQL; deleted models are kept but hidden.</summary>
internal sealed class SqlLoggedModelStore(SqlDatabase database) : ILoggedModelStore
{
    // SQL: statements that differ by dialect, and any longer than a few lines, are embedded files
    // beside this class (LoggedModels/*.sql, read with SqlText); short ones both dialects read
    // alike stay inline.
    private const string Columns = "m.model_id, m.experiment_id, m.name, m.artifact_location, m.creation_timestamp_ms, m.last_updated_timestamp_ms, m.status, m.status_message, m.model_type, m.source_run_id";

    public Task CreateLoggedModelAsync(AuditedChange change, LoggedModel model, CancellationToken cancellationToken)
    {
        if (!long.TryParse(model.ExperimentId, NumberStyles.None, CultureInfo.InvariantCulture, out var experimentId))
        {
            throw StewardException.NotFound($"No Experiment with id={model.ExperimentId} exists");
        }

        return database.WriteAsync(change, async session =>
        {
            var stage = await session.ScalarAsync<string?>("SELECT lifecycle_stage FROM experiments WHERE experiment_id = @experimentId", new { experimentId })
                ?? throw StewardException.NotFound($"No Experiment with id={model.ExperimentId} exists");
            if (stage != Lifecycle.Active)
            {
                throw StewardException.Invalid($"The experiment {model.ExperimentId} must be in the 'active' state. Current state is deleted.");
            }

            await session.ExecuteAsync(Sql(session, "insert_logged_model"), new
            {
                model.ModelId,
                experimentId,
                model.Name,
                model.ArtifactUri,
                model.CreationTimestampMs,
                model.LastUpdatedTimestampMs,
                status = StatusName(model.Status),
                model.StatusMessage,
                model.ModelType,
                model.SourceRunId,
                stage = Lifecycle.Active,
            });
            await WriteTagsAsync(session, model.ModelId, model.Tags);
            await WriteParamsAsync(session, model.ModelId, model.Params);
        }, cancellationToken);
    }

    public Task<LoggedModel?> GetLoggedModelAsync(string modelId, CancellationToken cancellationToken) =>
        database.ReadAsync(session => LoadAsync(session, modelId), cancellationToken);

    public Task<LoggedModel> FinalizeLoggedModelAsync(AuditedChange change, string modelId, LoggedModelStatus status, long now, CancellationToken cancellationToken) =>
        database.WriteAsync(change, async session =>
        {
            await TouchAsync(session, modelId, now);
            await session.ExecuteAsync("UPDATE logged_models SET status = @status WHERE model_id = @modelId", new { modelId, status = StatusName(status) });
            return await LoadAsync(session, modelId) ?? throw NotFound(modelId);
        }, cancellationToken);

    public Task DeleteLoggedModelAsync(AuditedChange change, string modelId, long now, CancellationToken cancellationToken) =>
        database.WriteAsync(change, async session =>
        {
            var updated = await session.ExecuteAsync(
                "UPDATE logged_models SET lifecycle_stage = @deleted, last_updated_timestamp_ms = @now WHERE model_id = @modelId AND lifecycle_stage = @active",
                new { modelId, deleted = Lifecycle.Deleted, active = Lifecycle.Active, now });
            if (updated == 0) throw NotFound(modelId);
        }, cancellationToken);

    public Task SetLoggedModelTagsAsync(AuditedChange change, string modelId, IReadOnlyList<Tag> tags, long now, CancellationToken cancellationToken) =>
        database.WriteAsync(change, async session =>
        {
            await TouchAsync(session, modelId, now);
            await WriteTagsAsync(session, modelId, tags);
        }, cancellationToken);

    public Task DeleteLoggedModelTagAsync(AuditedChange change, string modelId, string key, long now, CancellationToken cancellationToken) =>
        database.WriteAsync(change, async session =>
        {
            await TouchAsync(session, modelId, now);
            var deleted = await session.ExecuteAsync("DELETE FROM logged_model_tags WHERE model_id = @modelId AND key = @key", new { modelId, key });
            if (deleted == 0) throw StewardException.NotFound($"No tag with key '{key}' found for logged model with ID '{modelId}'.");
        }, cancellationToken);

    public Task LogLoggedModelParamsAsync(AuditedChange change, string modelId, IReadOnlyList<Param> parameters, long now, CancellationToken cancellationToken) =>
        database.WriteAsync(change, async session =>
        {
            await TouchAsync(session, modelId, now);
            await WriteParamsAsync(session, modelId, parameters);
        }, cancellationToken);

    public Task<Page<LoggedModel>> SearchLoggedModelsAsync(IReadOnlyList<string> experimentIds, int maxResults, int offset, CancellationToken cancellationToken)
    {
        var ids = experimentIds
            .Select(id => long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (long?)null)
            .OfType<long>().ToArray();
        return database.ReadAsync(async session =>
        {
            var rows = await session.QueryAsync<LoggedModelRow>(
                Sql(session, "search_logged_models"),
                new { ids = session.Dialect.ListValue(ids), active = Lifecycle.Active, limit = maxResults + 1, offset });
            var page = PageToken.Slice(rows, offset, maxResults);
            return new Page<LoggedModel>(await LoadManyAsync(session, page.Items), page.NextPageToken);
        }, cancellationToken);
    }

    /// <summary>Checks the model exists (and is not deleted), locking its row, and bumps its last-updated time.</summary>
    private static async Task TouchAsync(SqlSession session, string modelId, long now)
    {
        var updated = await session.ExecuteAsync(
            "UPDATE logged_models SET last_updated_timestamp_ms = @now WHERE model_id = @modelId AND lifecycle_stage = @active",
            new { modelId, now, active = Lifecycle.Active });
        if (updated == 0) throw NotFound(modelId);
    }

    private static Task WriteTagsAsync(SqlSession session, string modelId, IReadOnlyList<Tag> tags) =>
        SqlTrackingStore.InsertKeyValuesAsync(session, "logged_model_tags", "model_id", modelId,
            tags.GroupBy(t => t.Key).Select(g => (g.Key, g.Last().Value)).ToList(), upsert: true);

    /// <summary>Params never change once logged: the same value again is fine, another value fails the call.</summary>
    private static async Task WriteParamsAsync(SqlSession session, string modelId, IReadOnlyList<Param> parameters)
    {
        if (parameters.Count == 0) return;
        var unique = parameters.DistinctBy(p => p.Key).ToList();
        var keys = unique.Select(p => p.Key).ToArray();
        var existing = (await session.QueryAsync<KeyValueRow>(
                Sql(session, "stored_logged_model_params"),
                new { modelId, keys = session.Dialect.ListValue(keys) }))
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        foreach (var param in unique)
        {
            if (existing.TryGetValue(param.Key, out var stored) && stored != param.Value)
            {
                throw StewardException.Invalid(
                    $"Changing param values is not allowed. Param with key='{param.Key}' was already logged with value='{stored}' for logged model ID='{modelId}'. Attempted logging new value '{param.Value}'.");
            }
        }

        var fresh = unique.Where(p => !existing.ContainsKey(p.Key)).Select(p => (p.Key, p.Value)).ToList();
        await SqlTrackingStore.InsertKeyValuesAsync(session, "logged_model_params", "model_id", modelId, fresh, upsert: false);
    }

    private static async Task<LoggedModel?> LoadAsync(SqlSession session, string modelId)
    {
        var rows = await session.QueryAsync<LoggedModelRow>(
            $"SELECT {Columns} FROM logged_models m WHERE m.model_id = @modelId AND m.lifecycle_stage = @active",
            new { modelId, active = Lifecycle.Active });
        return (await LoadManyAsync(session, rows)).FirstOrDefault();
    }

    private static async Task<List<LoggedModel>> LoadManyAsync(SqlSession session, IReadOnlyList<LoggedModelRow> rows)
    {
        if (rows.Count == 0) return [];
        var ids = rows.Select(r => r.ModelId).ToArray();
        using var grid = await session.QueryMultipleAsync(Sql(session, "load_logged_model_extras"), new { ids = session.Dialect.ListValue(ids) });
        var tags = (await grid.ReadAsync<KeyValueRow>()).ToLookup(t => t.OwnerId);
        var parameters = (await grid.ReadAsync<KeyValueRow>()).ToLookup(p => p.OwnerId);
        return rows.Select(r => new LoggedModel(
            r.ModelId, r.ExperimentId.ToString(CultureInfo.InvariantCulture), r.Name, r.ArtifactLocation,
            r.CreationTimestampMs, r.LastUpdatedTimestampMs, ParseStatus(r.Status), r.StatusMessage, r.ModelType, r.SourceRunId,
            tags[r.ModelId].Select(t => new Tag(t.Key, t.Value)).ToList(),
            parameters[r.ModelId].Select(p => new Param(p.Key, p.Value)).ToList())).ToList();
    }

    // Stored with MLflow's enum names so the rows read naturally.
    private static string StatusName(LoggedModelStatus status) => status switch
    {
        LoggedModelStatus.Ready => "LOGGED_MODEL_READY",
        LoggedModelStatus.UploadFailed => "LOGGED_MODEL_UPLOAD_FAILED",
        _ => "LOGGED_MODEL_PENDING",
    };

    private static LoggedModelStatus ParseStatus(string status) => status switch
    {
        "LOGGED_MODEL_READY" => LoggedModelStatus.Ready,
        "LOGGED_MODEL_UPLOAD_FAILED" => LoggedModelStatus.UploadFailed,
        _ => LoggedModelStatus.Pending,
    };

    private static string Sql(SqlSession session, string name) => SqlText.Get(session.Dialect, $"LoggedModels.{name}");

    private static StewardException NotFound(string modelId) => StewardException.NotFound($"Logged model with ID '{modelId}' not found.");

    private sealed class LoggedModelRow
    {
        public string ModelId { get; set; } = "";
        public long ExperimentId { get; set; }
        public string Name { get; set; } = "";
        public string ArtifactLocation { get; set; } = "";
        public long CreationTimestampMs { get; set; }
        public long LastUpdatedTimestampMs { get; set; }
        public string Status { get; set; } = "";
        public string? StatusMessage { get; set; }
        public string? ModelType { get; set; }
        public string? SourceRunId { get; set; }
    }
}
