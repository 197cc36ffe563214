using System.Globalization;
using Steward.Storage.Sql;
using Steward.Storage.Tests.Support;
using Steward.Tests.Support;

namespace Steward.Storage.Tests.Registry;

/// <summary>
/// Migration 0010 on a database an older Steward left: each model's name family starts with its
/// current name and the names its audits were filed under.
/// </summary>
public abstract class ModelNameMigrationTests
{
    protected abstract string Dialect { get; }

    protected abstract Task<StorageOptions> CreateOptionsAsync(string dataDirectory);

    protected virtual Task DropAsync() => Task.CompletedTask;

    [Fact]
    public async Task existing_models_keep_their_name_and_the_names_their_audits_were_filed_under()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "steward-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        try
        {
            var options = await CreateOptionsAsync(dataDirectory);
            await RawSql.ExecuteAsync(options, "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)");
            foreach (var (name, text) in SqlText.Under($"Migrations.{Dialect}.").Where(m => string.CompareOrdinal(m.Name, "0010") < 0))
            {
                await RawSql.ExecuteAsync(options, text);
                await RawSql.ExecuteAsync(options, $"INSERT INTO schema_migrations (version, name, applied_at) VALUES ({int.Parse(name[..4], CultureInfo.InvariantCulture)}, '{name}', 1)");
            }

            await RawSql.ExecuteAsync(options, "INSERT INTO registered_models (model_id, name, creation_time, last_updated_time, user_id, description, domain) VALUES (7, 'churn-v2', 1, 1, '', '', 'default')");
            await RawSql.ExecuteAsync(options, "INSERT INTO registered_models (model_id, name, creation_time, last_updated_time, user_id, description, domain) VALUES (8, 'other', 1, 1, '', '', 'default')");
            await RawSql.ExecuteAsync(options,
                "INSERT INTO model_audits (model_id, model_name, version, kind, data_source, settings, report, verdict, summary, created_by, created_at_ms) "
                + "VALUES (7, 'churn', 1, 'fairness', 'd.csv', '{}', '{}', 'pass', '', 'x', 1)");

            await using var storage = await StewardStorage.OpenAsync(options, CancellationToken.None);
            Assert.Equal(["churn", "churn-v2"], (await storage.Registry.ListNameFamilyAsync("churn-v2", CancellationToken.None)).Order());
            Assert.Equal(["churn", "churn-v2"], (await storage.Registry.ListNameFamilyAsync("churn", CancellationToken.None)).Order());
            Assert.Equal(["other"], await storage.Registry.ListNameFamilyAsync("other", CancellationToken.None));
        }
        finally
        {
            await DropAsync();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}

public sealed class SqliteModelNameMigrationTests : ModelNameMigrationTests
{
    protected override string Dialect => "Sqlite";

    protected override Task<StorageOptions> CreateOptionsAsync(string dataDirectory) =>
        Task.FromResult(new StorageOptions { DataDirectory = dataDirectory });
}

public sealed class PostgresModelNameMigrationTests : ModelNameMigrationTests
{
    private readonly string _database = "steward_migration_" + Guid.NewGuid().ToString("N");

    protected override string Dialect => "Postgres";

    protected override async Task<StorageOptions> CreateOptionsAsync(string dataDirectory) =>
        new() { DataDirectory = dataDirectory, PostgresConnectionString = await TestPostgres.CreateDatabaseAsync(_database) };

    protected override Task DropAsync() => TestPostgres.DropDatabaseAsync(_database);
}
