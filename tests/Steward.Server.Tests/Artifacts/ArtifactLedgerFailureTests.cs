using System.Data.Common;
using System.Net;
using Microsoft.Data.Sqlite;
using Npgsql;
using Steward.Server.Tests.Support;

namespace Steward.Server.Tests.Artifacts;

/// <summary>
/// Artifact writes and deletes whose ledger entry cannot be appended: the database itself
/// refuses the insert (a trigger installed from another connection), a real failure of the
/// append rather than a stand-in store. Neither bytes nor entry may be left behind.
/// </summary>
public sealed class ArtifactLedgerFailureTests
{
    private const string Proxy = "/api/2.0/mlflow-artifacts/artifacts";

    [SkippableTheory, Backends]
    public async Task a_proxy_upload_the_ledger_cannot_record_fails_and_leaves_no_file(Backend backend)
    {
        await using var server = await TestServer.StartAsync(backend);
        var root = await RunRootAsync(server);
        await RefuseLedgerEntriesAsync(server);

        using (var upload = await server.Http.PutAsync($"{Proxy}/{root}/model.bin", new ByteArrayContent("weights"u8.ToArray())))
        {
            Assert.False(upload.IsSuccessStatusCode);
        }

        await AcceptLedgerEntriesAsync(server);
        using (var download = await server.Http.GetAsync($"{Proxy}/{root}/model.bin"))
        {
            Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
        }

        Assert.Empty(FilesUnder(server));
        Assert.Equal(0, await LedgerCountAsync(server, "artifact.upload", $"artifact/{root}/model.bin"));
    }

    [SkippableTheory, Backends]
    public async Task a_run_upload_the_ledger_cannot_record_fails_and_leaves_no_file(Backend backend)
    {
        await using var server = await TestServer.StartAsync(backend);
        var runId = await server.Api.CreateRunAsync();
        await RefuseLedgerEntriesAsync(server);

        using (var upload = await server.Http.PutAsync($"/api/v1/runs/{runId}/artifacts/notes.txt", new ByteArrayContent("notes"u8.ToArray())))
        {
            Assert.False(upload.IsSuccessStatusCode);
        }

        await AcceptLedgerEntriesAsync(server);
        using (var download = await server.Http.GetAsync($"/api/v1/runs/{runId}/artifacts/notes.txt"))
        {
            Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
        }

        Assert.Empty(FilesUnder(server));
        Assert.Equal(0, await LedgerCountAsync(server, "artifact.upload", $"run/{runId}/artifact/notes.txt"));
    }

    [SkippableTheory, Backends]
    public async Task a_failed_upload_over_an_existing_file_keeps_the_old_bytes(Backend backend)
    {
        await using var server = await TestServer.StartAsync(backend);
        var root = await RunRootAsync(server);
        using (var first = await server.Http.PutAsync($"{Proxy}/{root}/model.bin", new ByteArrayContent("old"u8.ToArray())))
        {
            first.EnsureSuccessStatusCode();
        }

        await RefuseLedgerEntriesAsync(server);
        using (var upload = await server.Http.PutAsync($"{Proxy}/{root}/model.bin", new ByteArrayContent("new"u8.ToArray())))
        {
            Assert.False(upload.IsSuccessStatusCode);
        }

        await AcceptLedgerEntriesAsync(server);
        Assert.Equal("old", await server.Http.GetStringAsync($"{Proxy}/{root}/model.bin"));
        Assert.Equal(["model.bin"], FilesUnder(server).Select(Path.GetFileName));
    }

    [SkippableTheory, Backends]
    public async Task a_delete_the_ledger_cannot_record_leaves_the_file_served(Backend backend)
    {
        await using var server = await TestServer.StartAsync(backend);
        var root = await RunRootAsync(server);
        using (var upload = await server.Http.PutAsync($"{Proxy}/{root}/model.bin", new ByteArrayContent("weights"u8.ToArray())))
        {
            upload.EnsureSuccessStatusCode();
        }

        await RefuseLedgerEntriesAsync(server);
        using (var delete = await server.Http.DeleteAsync($"{Proxy}/{root}/model.bin"))
        {
            Assert.False(delete.IsSuccessStatusCode);
        }

        await AcceptLedgerEntriesAsync(server);
        Assert.Equal("weights", await server.Http.GetStringAsync($"{Proxy}/{root}/model.bin"));
        Assert.Equal(0, await LedgerCountAsync(server, "artifact.delete", $"artifact/{root}/model.bin"));
    }

    [SkippableTheory, Backends]
    public async Task temporaries_left_by_an_interrupted_write_are_removed_when_the_server_starts(Backend backend)
    {
        await using var server = await TestServer.StartAsync(backend);
        var root = await RunRootAsync(server);
        using (var upload = await server.Http.PutAsync($"{Proxy}/{root}/kept.bin", new ByteArrayContent("kept"u8.ToArray())))
        {
            upload.EnsureSuccessStatusCode();
        }

        // What a process killed between writing the bytes and moving them into place leaves.
        var folder = Path.Combine(server.DataDirectory, "artifacts", root.Replace('/', Path.DirectorySeparatorChar));
        var orphan = Path.Combine(folder, $".model.bin.{Guid.NewGuid():N}.tmp");
        await File.WriteAllTextAsync(orphan, "half a model");
        File.SetLastWriteTimeUtc(orphan, DateTime.UtcNow.AddHours(-2));

        await server.RestartAsync();

        Assert.False(File.Exists(orphan));
        using var http = new HttpClient { BaseAddress = server.Address };
        Assert.Equal("kept", await http.GetStringAsync($"{Proxy}/{root}/kept.bin"));
    }

    private static async Task<string> RunRootAsync(TestServer server)
    {
        var runId = await server.Api.CreateRunAsync();
        var uri = (await server.Api.GetRunAsync(runId)).GetProperty("info").GetProperty("artifact_uri").GetString()!;
        return uri["mlflow-artifacts:/".Length..];
    }

    private static List<string> FilesUnder(TestServer server)
    {
        var artifacts = Path.Combine(server.DataDirectory, "artifacts");
        return Directory.Exists(artifacts) ? Directory.GetFiles(artifacts, "*", SearchOption.AllDirectories).ToList() : [];
    }

    private static Task RefuseLedgerEntriesAsync(TestServer server) => ExecuteAsync(server, server.Options.Database is null
        ? "CREATE TRIGGER refuse_ledger BEFORE INSERT ON ledger_entries BEGIN SELECT RAISE(ABORT, 'the ledger refuses entries'); END;"
        : """
          CREATE FUNCTION refuse_ledger() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'the ledger refuses entries'; END $$;
          CREATE TRIGGER refuse_ledger BEFORE INSERT ON ledger_entries FOR EACH ROW EXECUTE FUNCTION refuse_ledger();
          """);

    private static Task AcceptLedgerEntriesAsync(TestServer server) => ExecuteAsync(server, "DROP TRIGGER refuse_ledger" + (server.Options.Database is null ? "" : " ON ledger_entries"));

    private static async Task<long> LedgerCountAsync(TestServer server, string action, string resource)
    {
        await using var connection = Connect(server);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM ledger_entries WHERE action = '{action}' AND resource = '{resource}'";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(TestServer server, string sql)
    {
        await using var connection = Connect(server);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static DbConnection Connect(TestServer server) => server.Options.Database is { } postgres
        ? new NpgsqlConnection(postgres)
        : new SqliteConnection($"Data Source={Path.Combine(server.DataDirectory, "steward.db")};Pooling=false");
}
