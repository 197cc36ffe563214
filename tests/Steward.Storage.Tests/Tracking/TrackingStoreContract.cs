using Steward.Errors;
using Steward.Storage.Tests.Support;
using Steward.Tracking;
using Steward.Tracking.Search;

namespace Steward.Storage.Tests.Tracking;

/// <summary>
/// What every <see cref="ITrackingStore"/> must do, run against SQLite and PostgreSQL. Tests in
/// one class share a database, so each works in experiments of its own.
/// </summary>
public abstract partial class TrackingStoreContract(StorageFixture fixture)
{
    protected StorageFixture Fixture => fixture;

    protected ITrackingStore Store => fixture.Storage.Tracking;

    protected static CancellationToken None => CancellationToken.None;

    protected static long Now => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    protected static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    protected Task<string> NewExperimentAsync(IReadOnlyList<Tag>? tags = null, long? now = null) =>
        Store.CreateExperimentAsync(TestChange.Next(), UniqueName("exp"), null, TrackingService.DefaultArtifactRoot, "default", tags ?? [], now ?? Now, None);

    protected Task<Run> NewRunAsync(string experimentId, string name = "run", long startTime = 0, IReadOnlyList<Tag>? tags = null) =>
        Store.CreateRunAsync(TestChange.Next(), 
            new NewRun(Guid.NewGuid().ToString("N"), experimentId, name, "alice", startTime, [.. tags ?? [], new Tag(TrackingService.RunNameTag, name)]),
            None);

    protected Task LogAsync(string runId, IReadOnlyList<Metric>? metrics = null, IReadOnlyList<Param>? parameters = null, IReadOnlyList<Tag>? tags = null) =>
        Store.LogBatchAsync(TestChange.Next(), runId, new RunBatch(metrics ?? [], parameters ?? [], tags ?? []), None);

    protected async Task<Run> GetRunAsync(string runId) =>
        await Store.GetRunAsync(runId, None) ?? throw new InvalidOperationException($"run {runId} vanished");

    protected async Task<List<string>> SearchIdsAsync(string experimentId, string? filter = null, IReadOnlyList<string>? orderBy = null, ViewType viewType = ViewType.ActiveOnly)
    {
        var page = await Store.SearchRunsAsync(
            new RunQuery([experimentId], SearchSyntax.ParseRunFilter(filter), SearchSyntax.ParseRunOrderBy(orderBy), viewType, 1000, 0), None);
        return page.Items.Select(r => r.Info.RunId).ToList();
    }

    protected static async Task<StewardException> ThrowsAsync(ErrorCode code, Func<Task> action)
    {
        var error = await Assert.ThrowsAsync<StewardException>(action);
        Assert.Equal(code, error.Code);
        return error;
    }
}

public sealed class SqliteTrackingStoreTests(SqliteFixture fixture) : TrackingStoreContract(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresTrackingStoreTests(PostgresFixture fixture) : TrackingStoreContract(fixture), IClassFixture<PostgresFixture>;
