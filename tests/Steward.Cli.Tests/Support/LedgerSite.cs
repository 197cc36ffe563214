using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Steward.Audit;
using Steward.Client;
using Steward.Ledger.Merkle;
using Steward.Server;
using Steward.Tests.Support;

namespace Steward.Cli.Tests.Support;

/// <summary>
/// A data folder and database (SQLite, or a fresh PostgreSQL database) with a Steward server on
/// it while <see cref="StartAsync"/>'s server runs, and the raw database access an attacker
/// with write rights to the database has (<see cref="RewriteEntryAsync"/>, <see cref="CutTailAsync"/>).
/// </summary>
internal sealed class LedgerSite : IAsyncDisposable
{
    private LedgerSite(string backend, string dataDirectory, string? postgresDatabase, string? connectionString)
    {
        Backend = backend;
        DataDirectory = dataDirectory;
        PostgresDatabase = postgresDatabase;
        ConnectionString = connectionString;
    }

    public string Backend { get; }

    public string DataDirectory { get; }

    public string? PostgresDatabase { get; }

    /// <summary>The PostgreSQL connection string, or null on SQLite.</summary>
    public string? ConnectionString { get; }

    public string KeyPath => Path.Combine(DataDirectory, "ledger-key.pem");

    /// <summary>The CLI's storage arguments: <c>--data</c>, and <c>--db</c> on PostgreSQL.</summary>
    public string[] StorageArgs => ConnectionString is null ? ["--data", DataDirectory] : ["--data", DataDirectory, "--db", ConnectionString];

    public static async Task<LedgerSite> CreateAsync(string backend)
    {
        var data = Path.Combine(Path.GetTempPath(), "steward-cli-ledger", Guid.NewGuid().ToString("N"));
        if (backend == "sqlite") return new LedgerSite(backend, data, null, null);
        var database = $"steward_ledger_{Guid.NewGuid():N}";
        return new LedgerSite(backend, data, database, await TestPostgres.CreateDatabaseAsync(database));
    }

    public Task<StewardServer> StartAsync(long headEntries = 1_000_000, TimeSpan? headInterval = null) =>
        StewardServer.StartAsync(
            new StewardServerOptions
            {
                Port = 0,
                DataDirectory = DataDirectory,
                Database = ConnectionString,
                LedgerHeadEntries = headEntries,
                LedgerHeadInterval = headInterval ?? TimeSpan.FromHours(1),
            },
            CancellationToken.None);

    /// <summary>Writes <paramref name="count"/> params to a new run: one entry each, after the experiment's and the run's.</summary>
    public static async Task<string> WriteAsync(StewardClient client, int count)
    {
        var experiment = await client.CreateExperimentAsync($"tamper-{Guid.NewGuid():N}");
        var run = await client.CreateRunAsync(experiment.ExperimentId, "r");
        for (var i = 0; i < count; i++) await client.LogParamAsync(run.RunId, $"p{i}", $"{i}");
        return run.RunId;
    }

    public async Task<DbConnection> OpenAsync()
    {
        DbConnection connection = ConnectionString is null
            ? new SqliteConnection($"Data Source={Path.Combine(DataDirectory, "steward.db")};Pooling=false;Default Timeout=30")
            : new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Changes entry <paramref name="index"/>'s resource and recomputes every stored hash and the state, as an attacker who knows the format would.</summary>
    public async Task RewriteEntryAsync(long index, string resource)
    {
        await using var connection = await OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await Execute(connection, transaction, "UPDATE ledger_entries SET resource = @r WHERE seq = @i", ("r", resource), ("i", index));
        await RecomputeAsync(connection, transaction);
        await transaction.CommitAsync();
    }

    /// <summary>Deletes the last <paramref name="count"/> entries and recomputes the tree of the rest.</summary>
    public async Task CutTailAsync(int count)
    {
        await using var connection = await OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await Execute(connection, transaction, "DELETE FROM ledger_entries WHERE seq >= (SELECT tree_size FROM ledger_state WHERE id = 1) - @n", ("n", (long)count));
        await RecomputeAsync(connection, transaction);
        await transaction.CommitAsync();
    }

    private static async Task RecomputeAsync(DbConnection connection, DbTransaction transaction)
    {
        var entries = new List<AuditEntry>();
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT seq, timestamp_ms, actor, action, resource, payload_digest, outcome FROM ledger_entries ORDER BY seq";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                entries.Add(new AuditEntry(reader.GetInt64(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
                    reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6)));
            }
        }

        var nodes = new Nodes();
        var range = new CompactRange();
        foreach (var entry in entries) range.AppendEntry(entry.ToLeafBytes(), nodes);
        await Execute(connection, transaction, "DELETE FROM ledger_nodes");
        foreach (var (id, hash) in nodes.All)
        {
            await Execute(connection, transaction, "INSERT INTO ledger_nodes (level, idx, hash) VALUES (@l, @i, @h)", ("l", id.Level), ("i", id.Index), ("h", hash));
        }

        var edge = CompactRange.EdgeNodes(range.Size).SelectMany(n => nodes.All.First(x => x.Id == n).Hash).ToArray();
        await Execute(connection, transaction, "UPDATE ledger_state SET tree_size = @s, edge = @e WHERE id = 1", ("s", range.Size), ("e", edge));
    }

    private static async Task Execute(DbConnection connection, DbTransaction transaction, string sql, params (string Name, object Value)[] args)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in args)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (PostgresDatabase is not null) await TestPostgres.DropDatabaseAsync(PostgresDatabase);
        if (Directory.Exists(DataDirectory)) Directory.Delete(DataDirectory, recursive: true);
    }

    private sealed class Nodes : INodeSink
    {
        public List<(NodeId Id, byte[] Hash)> All { get; } = [];

        public void Add(NodeId node, ReadOnlySpan<byte> hash) => All.Add((node, hash.ToArray()));
    }
}
