using Steward.Client.Internal;

namespace Steward.Client;

public sealed partial class StewardClient
{
    /// <summary>Lists one folder of a run's artifacts.</summary>
    /// <param name="runId">The run's id.</param>
    /// <param name="path">A folder relative to the run's artifact root; the root when null.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The folder's direct children, with paths from the run's root.</returns>
    public async Task<IReadOnlyList<ArtifactFile>> ListArtifactsAsync(string runId, string? path = null, CancellationToken cancellationToken = default)
    {
        var url = new QueryString($"{Api}runs/{Segment(runId)}/artifacts").Add("path", path);
        return (await GetAsync(url.ToString(), Json.PageArtifactFile, cancellationToken)).Items;
    }

    /// <summary>Uploads one file to a run's artifacts, streaming <paramref name="content"/>.</summary>
    /// <param name="runId">The run's id; it must be active.</param>
    /// <param name="path">Where to put it, relative to the run's artifact root, e.g. <c>model/model.onnx</c>.</param>
    /// <param name="content">The bytes; read to the end, not disposed.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>A task that completes when the file is stored.</returns>
    public async Task UploadArtifactAsync(string runId, string path, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var request = Request(HttpMethod.Put, ArtifactUrl(runId, path));
        request.Content = new StreamContent(content);
        request.Content.Headers.ContentType = new("application/octet-stream");
        using var response = await SendAsync(request, cancellationToken);
    }

    /// <summary>Uploads a local file to a run's artifacts.</summary>
    /// <param name="runId">The run's id; it must be active.</param>
    /// <param name="localPath">The file to upload.</param>
    /// <param name="artifactPath">Where to put it; the file's name at the run's root when null.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>A task that completes when the file is stored.</returns>
    public async Task UploadArtifactFileAsync(string runId, string localPath, string? artifactPath = null, CancellationToken cancellationToken = default)
    {
        await using var file = File.OpenRead(localPath);
        await UploadArtifactAsync(runId, artifactPath ?? Path.GetFileName(localPath), file, cancellationToken);
    }

    /// <summary>Downloads one artifact into <paramref name="destination"/>, streaming.</summary>
    /// <param name="runId">The run's id.</param>
    /// <param name="path">The file, relative to the run's artifact root.</param>
    /// <param name="destination">Receives the bytes; not disposed.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>A task that completes when every byte is written.</returns>
    public async Task DownloadArtifactAsync(string runId, string path, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        using var request = Request(HttpMethod.Get, ArtifactUrl(runId, path));
        using var response = await SendAsync(request, cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        await body.CopyToAsync(destination, cancellationToken);
    }

    /// <summary>Downloads one artifact into memory.</summary>
    /// <param name="runId">The run's id.</param>
    /// <param name="path">The file, relative to the run's artifact root.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>The file's bytes.</returns>
    public async Task<byte[]> DownloadArtifactBytesAsync(string runId, string path, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await DownloadArtifactAsync(runId, path, buffer, cancellationToken);
        return buffer.ToArray();
    }

    /// <summary>
    /// The artifact's URL. The whole relative path travels as one escaped segment (slashes as
    /// %2F) so that neither this client nor a proxy collapses <c>..</c> before the server can
    /// judge the path.
    /// </summary>
    private static string ArtifactUrl(string runId, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return $"{Api}runs/{Segment(runId)}/artifacts/{Uri.EscapeDataString(path)}";
    }
}
