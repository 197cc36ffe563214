using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Steward.Server;
using Steward.Storage;

namespace Steward.Bench;

/// <summary>A Steward server started for the benchmark, with its own empty storage.</summary>
internal sealed class BenchTarget : IAsyncDisposable
{
    private static int _databases;

    private readonly StewardServer _server;
    private readonly string _dataDirectory;
    private readonly Func<Task> _dropDatabase;

    private BenchTarget(StewardServer server, string dataDirectory, string description, Func<Task> dropDatabase)
    {
        _server = server;
        _dataDirectory = dataDirectory;
        _dropDatabase = dropDatabase;
        Description = description;
        Client = new HttpClient { BaseAddress = server.Address };
    }

    public HttpClient Client { get; }

    public string Description { get; }

    /// <param name="options">The benchmark's settings (which database).</param>
    /// <param name="withoutLedger">Storage that appends no ledger entries, to measure what the ledger costs.</param>
    public static async Task<BenchTarget> StartAsync(BenchOptions options, bool withoutLedger = false)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("steward-bench-").FullName;
        string? database = null;
        Func<Task> drop = () => Task.CompletedTask;
        if (options.Postgres is not null)
        {
            var name = $"steward_bench_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
            await using (var admin = new NpgsqlConnection(options.Postgres))
            {
                await admin.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
                await create.ExecuteNonQueryAsync();
            }

            database = new NpgsqlConnectionStringBuilder(options.Postgres) { Database = name }.ConnectionString;
            drop = async () =>
            {
                NpgsqlConnection.ClearAllPools();
                await using var admin = new NpgsqlConnection(options.Postgres);
                await admin.OpenAsync();
                await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
                await command.ExecuteNonQueryAsync();
            };
        }

        var serverOptions = new StewardServerOptions { Port = 0, DataDirectory = dataDirectory, Database = database, RequireTokens = options.AsUser };
        var server = withoutLedger
            ? await StewardServer.StartWithStorageAsync(
                serverOptions,
                await StewardStorage.OpenAsync(new StorageOptions { DataDirectory = dataDirectory, PostgresConnectionString = database }, new NoLedger(), CancellationToken.None),
                CancellationToken.None)
            : await StewardServer.StartAsync(serverOptions, CancellationToken.None);
        var target = new BenchTarget(server, dataDirectory, server.StorageDescription, drop);
        if (options.AsUser) await target.SignInAsUserAsync(server.BootstrapAdmin!.Secret);
        return target;
    }

    /// <summary>Creates domain "bench" and a data scientist in it, and makes the client send that user's token.</summary>
    private async Task SignInAsUserAsync(string adminToken)
    {
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        (await Client.PostAsJsonAsync("/api/v1/domains", new { name = "bench" })).EnsureSuccessStatusCode();
        (await Client.PostAsJsonAsync("/api/v1/users", new { name = "bench-user", roles = new[] { "data-scientist" }, domains = new[] { "bench" } })).EnsureSuccessStatusCode();
        var created = await Client.PostAsJsonAsync("/api/v1/users/bench-user/tokens", new { name = "bench" });
        created.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", json.RootElement.GetProperty("secret").GetString());
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _server.DisposeAsync();
        await _dropDatabase();
        Directory.Delete(_dataDirectory, recursive: true);
    }
}
