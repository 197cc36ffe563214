using System.Globalization;
using Steward.Storage.Sql;
using Steward.Storage.Tests.Support;
using Steward.Tests.Support;

namespace Steward.Storage.Tests.Identity;

/// <summary>
/// Migration 0005 on a database that already holds experiments and models (created under
/// migrations 0001–0004, as an older Steward left them): they end up in domain <c>default</c>.
/// </summary>
public abstract class DomainMigrationTests
{
    protected abstract string Dialect { get; }

    protected abstract Task<StorageOptions> CreateOptionsAsync(string dataDirectory);

    protected virtual Task DropAsync() => Task.CompletedTask;

    [Fact]
    public async Task existing_experiments_and_models_are_in_the_default_domain_after_the_migration()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "steward-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        try
        {
            var options = await CreateOptionsAsync(dataDirectory);
            await RawSql.ExecuteAsync(options, "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)");
            foreach (var (name, text) in SqlText.Under($"Migrations.{Dialect}.").Where(m => string.CompareOrdinal(m.Name, "0005") < 0))
            {
                await RawSql.ExecuteAsync(options, text);
                await RawSql.ExecuteAsync(options, $"INSERT INTO schema_migrations (version, name, applied_at) VALUES ({int.Parse(name[..4], CultureInfo.InvariantCulture)}, '{name}', 1)");
            }

            await RawSql.ExecuteAsync(options, "INSERT INTO experiments (name, artifact_location, lifecycle_stage, creation_time, last_update_time) VALUES ('old', 'mlflow-artifacts:/1', 'active', 1, 1)");
            await RawSql.ExecuteAsync(options, "INSERT INTO registered_models (name, creation_time, last_updated_time, user_id, description) VALUES ('old-model', 1, 1, '', '')");

            await using (var storage = await StewardStorage.OpenAsync(options, CancellationToken.None))
            {
                Assert.Equal("default", (await storage.Tracking.GetExperimentByNameAsync("old", CancellationToken.None))!.Domain);
                Assert.Equal("default", (await storage.Tracking.GetExperimentAsync("0", CancellationToken.None))!.Domain);
                Assert.Equal("default", (await storage.Registry.GetRegisteredModelAsync("old-model", CancellationToken.None))!.Domain);
            }
        }
        finally
        {
            await DropAsync();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}

public sealed class SqliteDomainMigrationTests : DomainMigrationTests
{
    protected override string Dialect => "Sqlite";

    protected override Task<StorageOptions> CreateOptionsAsync(string dataDirectory) =>
        Task.FromResult(new StorageOptions { DataDirectory = dataDirectory });
}

public sealed class PostgresDomainMigrationTests : DomainMigrationTests
{
    private readonly string _database = "steward_migration_" + Guid.NewGuid().ToString("N");

    protected override string Dialect => "Postgres";

    protected override async Task<StorageOptions> CreateOptionsAsync(string dataDirectory) =>
        new() { DataDirectory = dataDirectory, PostgresConnectionString = await TestPostgres.CreateDatabaseAsync(_database) };

    protected override Task DropAsync() => TestPostgres.DropDatabaseAsync(_database);
}
