using Steward.Storage;
using Steward.Tests.Support;

namespace Steward.Storage.Tests.Support;

/// <summary>
/// One database per test class: a fresh SQLite file or a fresh PostgreSQL database, opened
/// and migrated through <see cref="StewardStorage.OpenAsync"/> exactly as the server does.
/// </summary>
public abstract class StorageFixture : IAsyncLifetime
{
    private AuditedStorage? _storage;

    /// <summary>The folder given as <see cref="StorageOptions.DataDirectory"/>.</summary>
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "steward-tests", Guid.NewGuid().ToString("N"));

    public AuditedStorage Storage => _storage ?? throw new InvalidOperationException("The fixture failed to open its storage.");

    public StorageOptions Options { get; private set; } = null!;

    /// <summary>Opens a second, independent set of stores on the same database (another "server").</summary>
    public async Task<AuditedStorage> OpenAnotherAsync() => new(await StewardStorage.OpenAsync(Options, CancellationToken.None));

    public async Task InitializeAsync()
    {
        Options = await CreateOptionsAsync();
        _storage = new AuditedStorage(await StewardStorage.OpenAsync(Options, CancellationToken.None));
    }

    public async Task DisposeAsync()
    {
        if (_storage is not null) await _storage.DisposeAsync();
        await DropAsync();
        if (Directory.Exists(DataDirectory)) Directory.Delete(DataDirectory, recursive: true);
    }

    protected abstract Task<StorageOptions> CreateOptionsAsync();

    protected virtual Task DropAsync() => Task.CompletedTask;
}

/// <summary>A fresh SQLite file in a temporary folder.</summary>
public sealed class SqliteFixture : StorageFixture
{
    protected override Task<StorageOptions> CreateOptionsAsync() =>
        Task.FromResult(new StorageOptions { DataDirectory = DataDirectory });
}

/// <summary>A fresh database on the PostgreSQL server named by <c>STEWARD_TEST_POSTGRES</c>.</summary>
public sealed class PostgresFixture : StorageFixture
{
    private readonly string _database = "steward_test_" + Guid.NewGuid().ToString("N");

    protected override async Task<StorageOptions> CreateOptionsAsync() => new()
    {
        DataDirectory = DataDirectory,
        PostgresConnectionString = await TestPostgres.CreateDatabaseAsync(_database),
    };

    protected override Task DropAsync() => TestPostgres.DropDatabaseAsync(_database);
}
