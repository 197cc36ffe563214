using Steward.Audit;
using Steward.Tracking;

namespace Steward.Storage.Tracking;

/// <summary>The domain an experiment and its runs belong to.</summary>
internal sealed partial class SqlTrackingStore
{
    public Task SetExperimentDomainAsync(AuditedChange change, string experimentId, string domain, long now, CancellationToken cancellationToken)
    {
        var id = ParseExperimentId(experimentId) ?? throw ExperimentNotFound(experimentId);
        return database.WriteAsync(change, async session =>
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

    public Task<IReadOnlyList<ExperimentLocation>> ListArtifactLocationsAsync(string servedScheme, string? firstSegment, CancellationToken cancellationToken)
    {
        var id = firstSegment is null ? null : ParseExperimentId(firstSegment);
        return database.ReadAsync<IReadOnlyList<ExperimentLocation>>(async session =>
        {
            // Default folders are named by the id, so only the experiment that segment names and the
            // ones with a custom served location can hold the path.
            var rows = await session.QueryAsync<LocationRow>(
                "SELECT experiment_id, artifact_location, domain FROM experiments "
                + "WHERE experiment_id = @id OR (artifact_location LIKE @pattern AND artifact_location <> @defaultPrefix || experiment_id)",
                new { id = id ?? -1, pattern = servedScheme + "%", defaultPrefix = servedScheme + "/" });
            return rows.Select(r => new ExperimentLocation(r.ExperimentId.ToString(System.Globalization.CultureInfo.InvariantCulture), r.ArtifactLocation, r.Domain)).ToList();
        }, cancellationToken);
    }

    private sealed class LocationRow
    {
        public long ExperimentId { get; set; }

        public string ArtifactLocation { get; set; } = "";

        public string Domain { get; set; } = "";
    }
}
