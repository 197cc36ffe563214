namespace Steward.Tests.Support;

/// <summary>A real Steward server on a fresh PostgreSQL database (see <see cref="TestPostgres"/>).</summary>
public sealed class PostgresServerFixture : StewardServerFixture
{
    private readonly string _database = $"steward_e2e_{Guid.NewGuid():N}";

    protected override async Task<string?> CreateDatabaseAsync() => await TestPostgres.CreateDatabaseAsync(_database);

    protected override Task DropDatabaseAsync() => TestPostgres.DropDatabaseAsync(_database);
}
