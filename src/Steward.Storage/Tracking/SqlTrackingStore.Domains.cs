namespace Steward.Storage.Tracking;

/// <summary>The domain an experiment and its runs belong to.</summary>
internal sealed partial class SqlTrackingStore
{
    public Task SetExperimentDomainAsync(string experimentId, string domain, long now, CancellationToken cancellationToken)
    {
        var id = ParseExperimentId(experimentId) ?? throw ExperimentNotFound(experimentId);
        return database.WriteAsync(async session =>
        {
            var updated = await session.ExecuteAsync(
                "UPDATE experiments SET domain = @domain, last_update_time = @now WHERE experiment_id = @id", new { id, domain, now });
            if (updated == 0) throw ExperimentNotFound(experimentId);
        }, cancellationToken);
    }

    public Task<string?> GetRunDomainAsync(string runId, CancellationToken cancellationToken) =>
        database.ReadAsync(session => session.ScalarAsync<string?>(
            "SELECT e.domain FROM runs r JOIN experiments e ON e.experiment_id = r.experiment_id WHERE r.run_uuid = @runId", new { runId }),
            cancellationToken);
}
