using Steward.Audit;
using Steward.Errors;
using Steward.Tracking;

namespace Steward.Storage.Tracking;

internal sealed partial class SqlTrackingStore
{
    private const string RunColumns = "r.run_key, r.run_uuid, r.name, r.experiment_id, r.user_id, r.status, r.start_time, r.end_time, r.artifact_uri, r.lifecycle_stage";

    public async Task<Run> CreateRunAsync(AuditedChange change, NewRun run, CancellationToken cancellationToken)
    {
        var experimentId = ParseExperimentId(run.ExperimentId) ?? throw ExperimentNotFound(run.ExperimentId);
        var created = await database.WriteAsync(change, async session =>
        {
            var experiment = await session.FirstOrDefaultAsync<ExperimentRow>(
                $"SELECT {ExperimentColumns} FROM experiments WHERE experiment_id = @experimentId", new { experimentId })
                ?? throw ExperimentNotFound(run.ExperimentId);
            if (experiment.LifecycleStage != Lifecycle.Active)
            {
                throw StewardException.Invalid($"The experiment {run.ExperimentId} must be in the 'active' state. Current state is deleted.");
            }

            var row = new RunRow
            {
                RunUuid = run.RunId,
                Name = run.RunName,
                ExperimentId = experimentId,
                UserId = run.UserId,
                Status = RunStatuses.Name(RunStatus.Running),
                StartTime = run.StartTime,
                EndTime = null,
                ArtifactUri = $"{experiment.ArtifactLocation}/{run.RunId}/artifacts",
                LifecycleStage = Lifecycle.Active,
            };
            row.RunKey = await session.ScalarAsync<long>(Sql("insert_run"), row);

            // The name and the mlflow.runName tag are one value.
            var tags = run.Tags.Where(t => t.Key != RunNameTag).Append(new Tag(RunNameTag, run.RunName)).ToList();
            await UpsertRunTagsAsync(session, row.RunKey, tags);
            return new Run(row.ToInfo(), new RunData([], [], tags.OrderBy(t => t.Key, StringComparer.Ordinal).ToList()), []);
        }, cancellationToken);
        database.NoteSearchRowsWritten(1 + created.Data.Tags.Count);
        return created;
    }

    public Task<Run?> GetRunAsync(string runId, CancellationToken cancellationToken) =>
        database.ReadAsync(async session =>
        {
            var rows = await session.QueryAsync<RunRow>($"SELECT {RunColumns} FROM runs r WHERE r.run_uuid = @runId", new { runId });
            return (await RunLoader.LoadAsync(session, rows)).FirstOrDefault();
        }, cancellationToken);

    /// <summary>
    /// A range on the unique run-id index: <c>id &gt;= prefix AND id &lt; next(prefix)</c>, where
    /// next raises the last character by one. Both dialects seek the index for a range; LIKE would
    /// not on a PostgreSQL column with a non-C collation.
    /// </summary>
    public async Task<IReadOnlyList<string>> FindRunIdsAsync(string prefix, int limit, CancellationToken cancellationToken)
    {
        var upper = prefix[..^1] + (char)(prefix[^1] + 1);
        return await database.ReadAsync(session => session.QueryAsync<string>(
            "SELECT run_uuid FROM runs WHERE run_uuid >= @prefix AND run_uuid < @upper ORDER BY run_uuid LIMIT @limit",
            new { prefix, upper, limit }), cancellationToken);
    }

    public Task<RunInfo> UpdateRunAsync(AuditedChange change, string runId, RunUpdate update, CancellationToken cancellationToken) =>
        database.WriteAsync(change, async session =>
        {
            var run = await RequireActiveRunAsync(session, runId);
            if (update.Status is { } status) run.Status = RunStatuses.Name(status);
            if (update.EndTime is { } endTime) run.EndTime = endTime;
            if (update.RunName is { } name)
            {
                run.Name = name;
                await UpsertRunTagsAsync(session, run.RunKey, [new Tag(RunNameTag, name)]);
            }

            await session.ExecuteAsync(
                "UPDATE runs SET status = @Status, end_time = @EndTime, name = @Name WHERE run_key = @RunKey", run);
            return run.ToInfo();
        }, cancellationToken);

    public Task SetRunLifecycleAsync(AuditedChange change, string runId, LifecycleStage stage, long now, CancellationToken cancellationToken) =>
        database.WriteAsync(change, async session =>
        {
            var updated = await session.ExecuteAsync(
                "UPDATE runs SET lifecycle_stage = @stage, deleted_time = @deletedTime WHERE run_uuid = @runId",
                new { runId, stage = Lifecycle.Name(stage), deletedTime = stage == LifecycleStage.Deleted ? now : (long?)null });
            if (updated == 0) throw RunNotFound(runId);
        }, cancellationToken);

    public Task DeleteRunTagAsync(AuditedChange change, string runId, string key, CancellationToken cancellationToken) =>
        database.WriteAsync(change, async session =>
        {
            var run = await RequireActiveRunAsync(session, runId);
            var deleted = await session.ExecuteAsync("DELETE FROM tags WHERE run_key = @RunKey AND key = @key", new { run.RunKey, key });
            if (deleted == 0) throw StewardException.NotFound($"No tag with name: {key} in run with id {runId}");
        }, cancellationToken);

    public Task<IReadOnlyList<Metric>> GetMetricHistoryAsync(string runId, string key, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<Metric>>(async session =>
        {
            var rows = await session.QueryAsync<MetricRow>(Sql("metric_history"), new { runId, key });
            return rows.Select(r => r.ToMetric()).ToList();
        }, cancellationToken);

    public Task LogInputsAsync(AuditedChange change, string runId, IReadOnlyList<DatasetInput> inputs, CancellationToken cancellationToken) =>
        database.WriteAsync(change, async session =>
        {
            var run = await RequireActiveRunAsync(session, runId);
            foreach (var input in inputs)
            {
                var d = input.Dataset;
                // Datasets are shared by the runs of an experiment, one per (name, digest).
                await session.ExecuteAsync(Sql("insert_dataset"), new
                {
                    datasetUuid = Guid.NewGuid().ToString("N"),
                    experimentId = run.ExperimentId,
                    d.Name,
                    d.Digest,
                    d.SourceType,
                    d.Source,
                    d.Schema,
                    d.Profile,
                });
                var datasetUuid = await session.ScalarAsync<string>(
                    "SELECT dataset_uuid FROM datasets WHERE experiment_id = @experimentId AND name = @Name AND digest = @Digest",
                    new { experimentId = run.ExperimentId, d.Name, d.Digest });
                var added = await session.ExecuteAsync(
                    "INSERT INTO run_inputs (run_key, dataset_uuid) VALUES (@RunKey, @datasetUuid) ON CONFLICT DO NOTHING",
                    new { run.RunKey, datasetUuid });
                if (added == 0) continue;
                foreach (var tag in input.Tags.DistinctBy(t => t.Key))
                {
                    await session.ExecuteAsync(
                        "INSERT INTO input_tags (run_key, dataset_uuid, key, value) VALUES (@RunKey, @datasetUuid, @Key, @Value)",
                        new { run.RunKey, datasetUuid, tag.Key, tag.Value });
                }
            }
        }, cancellationToken);
}
