using Steward.Registry;
using Steward.Storage.Tests.Support;
using Steward.Tests.Support;
using Steward.Tracking;

namespace Steward.Storage.Tests.Sql;

/// <summary>
/// Several Steward servers on one database: each test opens more <see cref="StewardStorage"/>
/// instances on the fixture's database and makes them race.
/// </summary>
public abstract class SharedDatabaseContract(StorageFixture fixture)
{
    private static CancellationToken None => CancellationToken.None;

    private async Task<AuditedStorage[]> OpenServersAsync(int count)
    {
        var servers = new AuditedStorage[count];
        for (var i = 0; i < count; i++) servers[i] = await fixture.OpenAnotherAsync();
        return servers;
    }

    private static async Task CloseAsync(IEnumerable<AuditedStorage> servers)
    {
        foreach (var server in servers) await server.DisposeAsync();
    }

    [Fact]
    public async Task concurrent_version_creates_on_two_servers_get_distinct_numbers()
    {
        var servers = await OpenServersAsync(2);
        try
        {
            var name = $"shared-{Guid.NewGuid():N}";
            await servers[0].Registry.CreateRegisteredModelAsync(TestChange.Next(), name, "", [], "", "default", 1, None);
            var numbers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
            {
                var version = await servers[i % 2].Registry.CreateModelVersionAsync(TestChange.Next(), new NewModelVersion(name, "s3://x", null, [], "", "", "", 2), None);
                return version.Version;
            })));
            Assert.Equal(Enumerable.Range(1, 20), numbers.Order());
        }
        finally
        {
            await CloseAsync(servers);
        }
    }

    [Fact]
    public async Task concurrent_experiment_creates_on_two_servers_get_distinct_ids()
    {
        var servers = await OpenServersAsync(2);
        try
        {
            var ids = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
                servers[i % 2].Tracking.CreateExperimentAsync(TestChange.Next(), $"shared-{Guid.NewGuid():N}", null, "mlflow-artifacts:", "default", [], 1, None))));
            Assert.Equal(20, ids.Distinct().Count());
            foreach (var id in ids)
            {
                Assert.Equal($"mlflow-artifacts:/{id}", (await servers[0].Tracking.GetExperimentAsync(id, None))?.ArtifactLocation);
            }
        }
        finally
        {
            await CloseAsync(servers);
        }
    }

    [Fact]
    public async Task racing_creates_of_one_experiment_name_leave_one_winner()
    {
        var servers = await OpenServersAsync(2);
        try
        {
            var name = $"race-{Guid.NewGuid():N}";
            var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
            {
                try
                {
                    await servers[i % 2].Tracking.CreateExperimentAsync(TestChange.Next(), name, null, "mlflow-artifacts:", "default", [], 1, None);
                    return true;
                }
                catch (Errors.StewardException e) when (e.Code == Errors.ErrorCode.ResourceAlreadyExists)
                {
                    return false;
                }
            })));
            Assert.Equal(1, results.Count(won => won));
        }
        finally
        {
            await CloseAsync(servers);
        }
    }

    [Fact]
    public async Task servers_starting_together_migrate_once()
    {
        // OpenAsync migrates; several at once on an already-migrated database and on a fresh one.
        var opened = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(fixture.OpenAnotherAsync)));
        await CloseAsync(opened);
        var fresh = await FreshOptionsAsync();
        try
        {
            var servers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () => new AuditedStorage(await StewardStorage.OpenAsync(fresh, None)))));
            try
            {
                var experiment = await servers[3].Tracking.GetExperimentAsync("0", None);
                Assert.Equal("Default", experiment?.Name);
                var page = await servers[0].Tracking.SearchExperimentsAsync(new ExperimentQuery([], [], ViewType.All, 100, 0), None);
                Assert.Equal(["0"], page.Items.Select(e => e.ExperimentId));
                Assert.Equal("1", await servers[1].Tracking.CreateExperimentAsync(TestChange.Next(), "first", null, "mlflow-artifacts:", "default", [], 1, None));
            }
            finally
            {
                await CloseAsync(servers);
            }
        }
        finally
        {
            await DropFreshAsync(fresh);
        }
    }

    [Fact]
    public async Task writes_on_one_server_are_read_on_another()
    {
        var servers = await OpenServersAsync(2);
        try
        {
            var experimentId = await servers[0].Tracking.CreateExperimentAsync(TestChange.Next(), $"shared-{Guid.NewGuid():N}", null, "mlflow-artifacts:", "default", [], 1, None);
            var run = await servers[1].Tracking.CreateRunAsync(TestChange.Next(), new NewRun(Guid.NewGuid().ToString("N"), experimentId, "r", "", 0, []), None);
            await Task.WhenAll(servers.Select((s, i) => s.Tracking.LogBatchAsync(TestChange.Next(), run.Info.RunId, new RunBatch([new Metric($"m{i}", i, 1, 0)], [], []), None)));
            var stored = await servers[0].Tracking.GetRunAsync(run.Info.RunId, None);
            Assert.Equal(["m0", "m1"], stored?.Data.Metrics.Select(m => m.Key));
        }
        finally
        {
            await CloseAsync(servers);
        }
    }

    /// <summary>Options for a database no server has opened yet.</summary>
    protected abstract Task<StorageOptions> FreshOptionsAsync();

    protected abstract Task DropFreshAsync(StorageOptions options);
}

public sealed class SqliteSharedDatabaseTests(SqliteFixture fixture) : SharedDatabaseContract(fixture), IClassFixture<SqliteFixture>
{
    protected override Task<StorageOptions> FreshOptionsAsync() =>
        Task.FromResult(new StorageOptions { DataDirectory = Path.Combine(Path.GetTempPath(), "steward-tests", Guid.NewGuid().ToString("N")) });

    protected override Task DropFreshAsync(StorageOptions options)
    {
        Directory.Delete(options.DataDirectory, recursive: true);
        return Task.CompletedTask;
    }
}

public sealed class PostgresSharedDatabaseTests(PostgresFixture fixture) : SharedDatabaseContract(fixture), IClassFixture<PostgresFixture>
{
    private readonly string _fresh = "steward_test_" + Guid.NewGuid().ToString("N");

    protected override async Task<StorageOptions> FreshOptionsAsync() => new()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "steward-tests", Guid.NewGuid().ToString("N")),
        PostgresConnectionString = await TestPostgres.CreateDatabaseAsync(_fresh),
    };

    protected override async Task DropFreshAsync(StorageOptions options)
    {
        await TestPostgres.DropDatabaseAsync(_fresh);
        if (Directory.Exists(options.DataDirectory)) Directory.Delete(options.DataDirectory, recursive: true);
    }
}
