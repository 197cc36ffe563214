using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Steward.Server.Tests.Support;

namespace Steward.Server.Tests.Artifacts;

/// <summary>The mlflow-artifacts proxy and the run-relative artifact routes, including path safety.</summary>
public sealed class ArtifactProxyTests(ApiServers servers) : ApiTests(servers)
{
    private const string Proxy = "/api/2.0/mlflow-artifacts/artifacts";

    private static async Task<(string RunId, string Root)> RunRootAsync(TestServer server)
    {
        var runId = await server.Api.CreateRunAsync();
        var uri = (await server.Api.GetRunAsync(runId)).GetProperty("info").GetProperty("artifact_uri").GetString()!;
        return (runId, uri["mlflow-artifacts:/".Length..]);
    }

    private static async Task PutAsync(TestServer server, string path, byte[] content, string contentType = "application/octet-stream")
    {
        using var body = new ByteArrayContent(content);
        body.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var response = await server.Http.PutAsync($"{Proxy}/{path}", body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal("{}", await response.Content.ReadAsStringAsync());
    }

    /// <summary>Sends a path exactly as written: HttpClient would otherwise resolve <c>..</c> itself.</summary>
    private static async Task<ApiResponse> RawAsync(TestServer server, HttpMethod method, string pathAndQuery)
    {
        var uri = new Uri(server.Address + pathAndQuery.TrimStart('/'), new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        using var request = new HttpRequestMessage(method, uri);
        if (method == HttpMethod.Put) request.Content = new ByteArrayContent("pwned"u8.ToArray());
        using var response = await server.Http.SendAsync(request);
        return new ApiResponse(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
    }

    [SkippableTheory, Backends]
    public async Task an_uploaded_file_lists_and_downloads_as_an_attachment(Backend backend)
    {
        var server = await ServerAsync(backend);
        var (_, root) = await RunRootAsync(server);
        await PutAsync(server, $"{root}/hello.txt", "hello from steward\n"u8.ToArray(), "text/plain");
        await PutAsync(server, $"{root}/cfg/model.json", "{}"u8.ToArray(), "application/json");

        var listing = (await server.Api.GetAsync($"{Proxy}?path={Uri.EscapeDataString(root)}")).Ok().GetProperty("files");
        var entries = listing.EnumerateArray().ToDictionary(f => f.GetProperty("path").GetString()!, f => f);
        Assert.True(entries["cfg"].GetProperty("is_dir").GetBoolean());
        Assert.False(entries["cfg"].TryGetProperty("file_size", out _));
        Assert.Equal(19, entries["hello.txt"].GetProperty("file_size").GetInt64());

        using var download = await server.Http.GetAsync($"{Proxy}/{root}/hello.txt");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("hello from steward\n", await download.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment; filename=hello.txt", download.Content.Headers.ContentDisposition?.ToString());
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [SkippableTheory, Backends]
    public async Task content_types_follow_mlflows_guess(Backend backend)
    {
        var server = await ServerAsync(backend);
        var (_, root) = await RunRootAsync(server);
        foreach (var (file, expected) in new[] { ("MLmodel", "text/plain"), ("conda.yaml", "text/plain"), ("weights.bin", "application/octet-stream"), ("plot.png", "image/png") })
        {
            await PutAsync(server, $"{root}/{file}", [1, 2, 3]);
            using var download = await server.Http.GetAsync($"{Proxy}/{root}/{file}");
            Assert.Equal(expected, download.Content.Headers.ContentType?.MediaType);
        }
    }

    [SkippableTheory, Backends]
    public async Task a_large_upload_round_trips_byte_for_byte(Backend backend)
    {
        var server = await ServerAsync(backend);
        var (_, root) = await RunRootAsync(server);
        var content = new byte[12 * 1024 * 1024 + 17];
        new Random(42).NextBytes(content);
        await PutAsync(server, $"{root}/big/weights.bin", content);
        var downloaded = await server.Http.GetByteArrayAsync($"{Proxy}/{root}/big/weights.bin");
        Assert.True(content.AsSpan().SequenceEqual(downloaded));
    }

    [SkippableTheory, Backends]
    public async Task a_missing_directory_lists_as_empty_and_a_missing_file_is_404(Backend backend)
    {
        var server = await ServerAsync(backend);
        Assert.Equal("{}", (await server.Api.GetAsync($"{Proxy}?path=0/nothing/here")).Ok().ToString());
        (await server.Api.GetAsync($"{Proxy}/0/nothing/here.txt")).Error(HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST");
    }

    [SkippableTheory, Backends]
    public async Task traversal_and_absolute_paths_are_refused_and_nothing_is_written(Backend backend)
    {
        var server = await ServerAsync(backend);
        var (_, root) = await RunRootAsync(server);
        string[] paths =
        [
            $"{Proxy}/{root}/../../../../escaped.txt",
            $"{Proxy}/{root}/%2e%2e/%2e%2e/%2e%2e/%2e%2e/escaped.txt",
            $"{Proxy}/{root}/%2E%2E%2F%2E%2E%2F%2E%2E%2F%2E%2E%2Fescaped.txt",
            $"{Proxy}//tmp/escaped.txt",
            $"{Proxy}/%2Ftmp%2Fescaped.txt",
            $"{Proxy}/{root}/..%5C..%5Cescaped.txt",
            $"{Proxy}/{root}/a%23b.txt",
        ];
        foreach (var path in paths)
        {
            foreach (var method in new[] { HttpMethod.Put, HttpMethod.Get, HttpMethod.Delete })
            {
                var response = await RawAsync(server, method, path);
                Assert.True(response.Status == HttpStatusCode.BadRequest, $"{method} {path}: {(int)response.Status} {response.Body}");
                Assert.StartsWith("Invalid path", response.Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE"));
            }
        }

        foreach (var query in new[] { "../x", "%2e%2e/x", "/etc", "a\\b" })
        {
            var response = await RawAsync(server, HttpMethod.Get, $"{Proxy}?path={Uri.EscapeDataString(query)}");
            response.Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE");
        }

        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(server.DataDirectory)!, "escaped.txt", SearchOption.AllDirectories));
        Assert.False(File.Exists("/tmp/escaped.txt"));
    }

    [SkippableTheory, Backends]
    public async Task deleting_a_directory_removes_its_files(Backend backend)
    {
        var server = await ServerAsync(backend);
        var (_, root) = await RunRootAsync(server);
        await PutAsync(server, $"{root}/tmp/a.txt", [1]);
        await PutAsync(server, $"{root}/tmp/b.txt", [2]);
        using (var delete = await server.Http.DeleteAsync($"{Proxy}/{root}/tmp"))
        {
            Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        }

        Assert.Equal("{}", (await server.Api.GetAsync($"{Proxy}?path={root}/tmp")).Body);
    }

    [SkippableTheory, Backends]
    public async Task multipart_upload_is_501_not_implemented(Backend backend)
    {
        var server = await ServerAsync(backend);
        var response = await server.Api.PostAsync("/api/2.0/mlflow-artifacts/mpu/create/0/x/model.bin", new { path = "0/x/model.bin", num_parts = 2 });
        Assert.Equal("Multipart upload is not supported for the current artifact repository", response.Error(HttpStatusCode.NotImplemented, "NOT_IMPLEMENTED"));
    }

    [SkippableTheory, Backends]
    public async Task run_relative_listing_and_get_artifact_resolve_the_runs_root(Backend backend)
    {
        var server = await ServerAsync(backend);
        var (runId, root) = await RunRootAsync(server);
        await PutAsync(server, $"{root}/dir/hello.txt", Encoding.UTF8.GetBytes("hi"));

        var listing = (await server.Api.GetAsync($"artifacts/list?run_id={runId}&path=dir")).Ok();
        Assert.Equal($"mlflow-artifacts:/{root}", listing.GetProperty("root_uri").GetString());
        Assert.Equal("dir/hello.txt", Assert.Single(listing.GetProperty("files").EnumerateArray()).GetProperty("path").GetString());

        using var download = await server.Http.GetAsync($"/get-artifact?run_uuid={runId}&path=dir/hello.txt");
        Assert.Equal("hi", await download.Content.ReadAsStringAsync());
        (await server.Api.GetAsync($"/get-artifact?run_uuid={runId}&path=../../x")).Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE");
    }
}
