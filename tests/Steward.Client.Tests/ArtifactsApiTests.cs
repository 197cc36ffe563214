using System.Net;
using Steward.Client;
using Steward.Tests.Support;

namespace Steward.Client.Tests;

public sealed class ArtifactsApiTests(StewardServerFixture server) : IClassFixture<StewardServerFixture>
{
    private readonly StewardClient _client = server.Client;

    private async Task<Run> NewRunAsync() =>
        await _client.CreateRunAsync((await _client.CreateExperimentAsync(StewardServerFixture.Unique("art"))).ExperimentId);

    [Fact]
    public async Task artifact_upload_round_trips()
    {
        var run = await NewRunAsync();
        var bytes = new byte[300_000];
        new Random(42).NextBytes(bytes);
        await _client.UploadArtifactAsync(run.RunId, "model/weights.bin", new MemoryStream(bytes));
        await _client.UploadArtifactAsync(run.RunId, "README.md", new MemoryStream("# churn model"u8.ToArray()));

        Assert.Equal(bytes, await _client.DownloadArtifactBytesAsync(run.RunId, "model/weights.bin"));

        var root = await _client.ListArtifactsAsync(run.RunId);
        Assert.Contains(root, f => f is { Path: "model", IsDir: true });
        Assert.Contains(root, f => f is { Path: "README.md", IsDir: false, FileSize: 13 });
        var folder = await _client.ListArtifactsAsync(run.RunId, "model");
        Assert.Equal(new ArtifactFile("model/weights.bin", false, bytes.Length), Assert.Single(folder));
    }

    [Fact]
    public async Task artifacts_larger_than_the_json_body_limit_stream_through()
    {
        var run = await NewRunAsync();
        var bytes = new byte[3 * 1024 * 1024];
        new Random(7).NextBytes(bytes);
        await _client.UploadArtifactAsync(run.RunId, "data/big.parquet", new MemoryStream(bytes));
        Assert.Equal(bytes, await _client.DownloadArtifactBytesAsync(run.RunId, "data/big.parquet"));
    }

    [Theory]
    [InlineData("../../escape.txt")]
    [InlineData("../other-run/artifacts/x")]
    [InlineData("/etc/passwd")]
    [InlineData("a/../../b")]
    public async Task artifact_path_escaping_the_run_is_rejected(string path)
    {
        var run = await NewRunAsync();
        var error = await Assert.ThrowsAsync<StewardApiException>(() => _client.UploadArtifactAsync(run.RunId, path, new MemoryStream([1, 2, 3])));
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("INVALID_PARAMETER_VALUE", error.ErrorCode);
        await Assert.ThrowsAsync<StewardApiException>(() => _client.DownloadArtifactBytesAsync(run.RunId, path));
        Assert.False(File.Exists(Path.Combine(server.DataDirectory, "escape.txt")));
    }

    [Fact]
    public async Task missing_artifact_gives_404()
    {
        var run = await NewRunAsync();
        var error = await Assert.ThrowsAsync<StewardApiException>(() => _client.DownloadArtifactBytesAsync(run.RunId, "nothing/here.txt"));
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task upload_to_a_deleted_run_is_rejected()
    {
        var run = await NewRunAsync();
        await _client.DeleteRunAsync(run.RunId);
        var error = await Assert.ThrowsAsync<StewardApiException>(() => _client.UploadArtifactAsync(run.RunId, "late.txt", new MemoryStream([1])));
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
    }
}
