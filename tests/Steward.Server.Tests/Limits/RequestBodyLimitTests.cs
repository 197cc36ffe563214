using System.Net;
using System.Text;
using Steward.Server.Tests.Support;

namespace Steward.Server.Tests.Limits;

/// <summary>
/// JSON endpoints take bodies of MLflow's size (1 MiB, log-inputs a dataset profile more) and
/// refuse larger ones with 413 before reading them; only artifact uploads take more, streamed.
/// </summary>
public sealed class RequestBodyLimitTests
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(10);

    private static Task<RawHttp> PostJsonAsync(TestServer server, string path, long contentLength, params string[] headers) =>
        RawHttp.StartAsync(server.Address, "POST", path, [.. headers, "Content-Type: application/json", $"Content-Length: {contentLength}"]);

    [Fact]
    public async Task a_declared_body_over_the_limit_is_refused_with_413_without_being_read()
    {
        await using var server = await TestServer.StartAsync(Backend.Sqlite);
        await using var request = await PostJsonAsync(server, "/api/2.0/mlflow/experiments/create", 63_000_000);
        await request.SendAsync("{\"name\": ");

        var response = await request.ReadResponseAsync(Prompt);
        Assert.Equal(413, response.Status);
        Assert.Contains("INVALID_PARAMETER_VALUE", response.Body, StringComparison.Ordinal);
        Assert.Contains("larger than the 1048576 bytes", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_native_api_refuses_a_declared_body_over_the_limit_with_413_problem_json()
    {
        await using var server = await TestServer.StartAsync(Backend.Sqlite);
        await using var request = await RawHttp.StartAsync(server.Address, "POST", "/api/v1/experiments", "Content-Type: application/json", "Content-Length: 2000000");
        await request.SendAsync("{\"name\": ");

        var response = await request.ReadResponseAsync(Prompt);
        Assert.Equal(413, response.Status);
        Assert.StartsWith("application/problem+json", response.Headers["content-type"], StringComparison.Ordinal);
        Assert.Contains("REQUEST_TOO_LARGE", response.Body, StringComparison.Ordinal);
        Assert.Contains("1048576 bytes", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_chunked_body_is_cut_off_soon_after_it_passes_the_limit()
    {
        await using var server = await TestServer.StartAsync(Backend.Sqlite);
        await using var request = await RawHttp.StartAsync(server.Address, "POST", "/api/2.0/mlflow/experiments/create", "Content-Type: application/json", "Transfer-Encoding: chunked");

        await request.SendChunksUntilAnsweredAsync(maxBytes: 64L * 1024 * 1024);

        var response = await request.ReadResponseAsync(Prompt);
        Assert.Equal(413, response.Status);
        // What the socket buffers took before the server's answer arrived; far below the 64 MiB offered.
        Assert.InRange(request.BodyBytesSent, 1024 * 1024, 16 * 1024 * 1024);
    }

    [Fact]
    public async Task sixteen_oversized_bodies_at_once_are_refused_without_growing_the_servers_memory()
    {
        await using var server = await TestServer.StartAsync(Backend.Sqlite);
        var before = GC.GetTotalMemory(forceFullCollection: true);

        var statuses = await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
        {
            await using var request = await PostJsonAsync(server, "/api/2.0/mlflow/experiments/create", 63 * 1024 * 1024);
            await request.SendAsync("{\"name\": \"" + new string('x', 64 * 1024));
            return (await request.ReadResponseAsync(Prompt)).Status;
        }));

        Assert.All(statuses, status => Assert.Equal(413, status));
        Assert.InRange(GC.GetTotalMemory(forceFullCollection: false) - before, long.MinValue, 64L * 1024 * 1024);
    }

    [Fact]
    public async Task an_artifact_upload_larger_than_any_json_body_is_streamed_in()
    {
        await using var server = await TestServer.StartAsync(Backend.Sqlite);
        var bytes = new byte[5 * 1024 * 1024];
        new Random(7).NextBytes(bytes);

        using var upload = await server.Http.PutAsync("/api/2.0/mlflow-artifacts/artifacts/0/big/model.bin", new ByteArrayContent(bytes));
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        Assert.Equal(bytes, await server.Http.GetByteArrayAsync("/api/2.0/mlflow-artifacts/artifacts/0/big/model.bin"));
    }

    [Fact]
    public async Task log_inputs_takes_a_dataset_profile_larger_than_a_megabyte()
    {
        await using var server = await TestServer.StartAsync(Backend.Sqlite);
        var runId = await server.Api.CreateRunAsync();
        var profile = "{\"rows\": \"" + new string('p', 2 * 1024 * 1024) + "\"}";
        var body = new
        {
            run_id = runId,
            datasets = new[] { new { dataset = new { name = "big", digest = "d1", source_type = "local", source = "{}", profile } } },
        };

        (await server.Api.PostAsync("runs/log-inputs", body)).Ok();
    }

    [Fact]
    public async Task log_inputs_from_a_caller_who_may_not_write_is_refused_before_its_body_is_read()
    {
        await using var secured = await SecuredServer.StartAsync(Backend.Sqlite);
        using var riskManager = await secured.NewUserAsync("risk", ["risk-manager"]);
        await using var request = await PostJsonAsync(secured.Server, "/api/2.0/mlflow/runs/log-inputs", 10_000_000, $"Authorization: Bearer {riskManager.Token}");
        await request.SendAsync("{\"run_id\": ");

        var response = await request.ReadResponseAsync(Prompt);
        Assert.Equal(403, response.Status);
        Assert.Contains("PERMISSION_DENIED", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_json_body_just_under_the_limit_is_still_read()
    {
        await using var server = await TestServer.StartAsync(Backend.Sqlite);
        var padding = new string(' ', 1024 * 1024 - 200);
        var body = new StringContent("{\"name\": \"near-the-limit\"" + padding + "}", Encoding.UTF8, "application/json");

        using var response = await server.Http.PostAsync("/api/2.0/mlflow/experiments/create", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
