using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Steward.Client.Internal;

namespace Steward.Client;

/// <summary>
/// A typed client for Steward's native REST API (<c>/api/v1/</c>). Thread-safe; create one per
/// server and reuse it. Every method throws <see cref="StewardApiException"/> when the server
/// refuses the request and <see cref="HttpRequestException"/> when it cannot be reached.
/// </summary>
public sealed partial class StewardClient : IDisposable
{
    private const string Api = "api/v1/";

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly Uri _baseAddress;

    /// <summary>Creates a client for the server at <paramref name="baseAddress"/>.</summary>
    /// <param name="baseAddress">The server's address, e.g. <c>http://127.0.0.1:5000</c>; a path prefix is kept.</param>
    /// <param name="bearerToken">
    /// A token sent as <c>Authorization: Bearer</c>; when null, <c>STEWARD_TOKEN</c>, else
    /// MLflow's <c>MLFLOW_TRACKING_TOKEN</c>; an empty string sends none.
    /// </param>
    public StewardClient(Uri baseAddress, string? bearerToken = null)
        : this(new HttpClient(), baseAddress, bearerToken, ownsHttp: true)
    {
    }

    /// <summary>Creates a client over an <see cref="HttpClient"/> whose <c>BaseAddress</c> is the server's address.</summary>
    /// <param name="httpClient">The HTTP client to use; it is not disposed with this client.</param>
    /// <param name="bearerToken">
    /// A token sent as <c>Authorization: Bearer</c>; when null, <c>STEWARD_TOKEN</c>, else
    /// MLflow's <c>MLFLOW_TRACKING_TOKEN</c>; an empty string sends none.
    /// </param>
    public StewardClient(HttpClient httpClient, string? bearerToken = null)
        : this(
            httpClient,
            httpClient?.BaseAddress ?? throw new ArgumentException("The HttpClient needs a BaseAddress: the Steward server's address.", nameof(httpClient)),
            bearerToken,
            ownsHttp: false)
    {
    }

    private StewardClient(HttpClient httpClient, Uri baseAddress, string? bearerToken, bool ownsHttp)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(baseAddress);
        if (!baseAddress.IsAbsoluteUri) throw new ArgumentException("The server's address must be absolute, e.g. http://127.0.0.1:5000.", nameof(baseAddress));
        _http = httpClient;
        _ownsHttp = ownsHttp;
        // Requests carry absolute URIs, so a shared HttpClient is never modified.
        _baseAddress = WithTrailingSlash(baseAddress);
        var token = bearerToken ?? TokenFromEnvironment();
        BearerToken = string.IsNullOrWhiteSpace(token) ? null : token.Trim();
    }

    /// <summary>The address the CLI and MLflow clients use when none is given.</summary>
    public static readonly Uri DefaultAddress = new("http://127.0.0.1:5000");

    /// <summary>
    /// Creates a client for the server the environment names, as the <c>steward</c> command finds
    /// it: <c>STEWARD_URL</c>, else MLflow's <c>MLFLOW_TRACKING_URI</c>, else
    /// <see cref="DefaultAddress"/>; the token as the constructor takes it when null.
    /// </summary>
    /// <exception cref="ArgumentException">The variable holds something that is not an absolute http(s) address.</exception>
    public static StewardClient FromEnvironment() => new(AddressFromEnvironment());

    /// <summary>
    /// The server's address the environment names: <c>STEWARD_URL</c>, else MLflow's
    /// <c>MLFLOW_TRACKING_URI</c> when it is an http(s) address (MLflow also takes file paths and
    /// other schemes, which cannot be Steward), else <see cref="DefaultAddress"/>.
    /// </summary>
    /// <param name="environment">Reads a variable; the process environment when null.</param>
    /// <exception cref="ArgumentException"><c>STEWARD_URL</c> is not an absolute http(s) address.</exception>
    public static Uri AddressFromEnvironment(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        if (NonEmpty(environment("STEWARD_URL")) is { } steward)
        {
            return HttpAddress(steward.Trim()) ?? throw new ArgumentException($"STEWARD_URL='{steward}' is not an http(s) address such as {DefaultAddress.OriginalString}.");
        }

        return NonEmpty(environment("MLFLOW_TRACKING_URI")) is { } mlflow && HttpAddress(mlflow.Trim()) is { } address ? address : DefaultAddress;
    }

    /// <summary><paramref name="value"/> as an absolute http(s) address, else null.</summary>
    public static Uri? HttpAddress(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : null;

    /// <summary>The token the environment names: <c>STEWARD_TOKEN</c>, else <c>MLFLOW_TRACKING_TOKEN</c>, else null.</summary>
    public static string? TokenFromEnvironment() =>
        NonEmpty(Environment.GetEnvironmentVariable("STEWARD_TOKEN")) ?? NonEmpty(Environment.GetEnvironmentVariable("MLFLOW_TRACKING_TOKEN"));

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>The server's base address.</summary>
    public Uri BaseAddress => _baseAddress;

    private string? BearerToken { get; }

    private static NativeJsonContext Json => ClientJson.Native;

    /// <summary>Disposes the HTTP client if this client created it.</summary>
    public void Dispose()
    {
        if (_ownsHttp) _http.Dispose();
    }

    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");

    private HttpRequestMessage Request(HttpMethod method, string relativePath) => new(method, new Uri(_baseAddress, relativePath));

    /// <summary>One path segment, escaped so that slashes inside keys and names stay inside the segment.</summary>
    private static string Segment(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        return Uri.EscapeDataString(value);
    }

    private async Task<T> GetAsync<T>(string path, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, path);
        using var response = await SendAsync(request, cancellationToken);
        return await ReadAsync(response, typeInfo, cancellationToken);
    }

    private async Task<TResult> SendJsonAsync<TBody, TResult>(HttpMethod method, string path, TBody body, JsonTypeInfo<TBody> bodyType, JsonTypeInfo<TResult> resultType, CancellationToken cancellationToken)
    {
        using var request = Request(method, path);
        request.Content = JsonContent.Create(body, bodyType);
        using var response = await SendAsync(request, cancellationToken);
        return await ReadAsync(response, resultType, cancellationToken);
    }

    private async Task SendJsonAsync<TBody>(HttpMethod method, string path, TBody body, JsonTypeInfo<TBody> bodyType, CancellationToken cancellationToken)
    {
        using var request = Request(method, path);
        request.Content = JsonContent.Create(body, bodyType);
        using var response = await SendAsync(request, cancellationToken);
    }

    private async Task SendAsync(HttpMethod method, string path, CancellationToken cancellationToken)
    {
        using var request = Request(method, path);
        using var response = await SendAsync(request, cancellationToken);
    }

    /// <summary>Sends a request and turns any non-success status into a <see cref="StewardApiException"/>.</summary>
    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (BearerToken is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", BearerToken);
        var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.IsSuccessStatusCode) return response;
        using (response)
        {
            throw await ToExceptionAsync(response, cancellationToken);
        }
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await JsonSerializer.DeserializeAsync(stream, typeInfo, cancellationToken)
            ?? throw new StewardApiException(response.StatusCode, null, "The server answered with an empty body.", null);
    }

    private static async Task<StewardApiException> ToExceptionAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
        if (mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var problem = JsonSerializer.Deserialize(text, Json.ProblemDto);
                if (problem is not null && (problem.Detail ?? problem.Title) is { } message)
                {
                    return new StewardApiException(response.StatusCode, problem.ErrorCode, message, problem.Type);
                }
            }
            catch (JsonException)
            {
                // Not a problem document after all; fall through to the raw text.
            }
        }

        var detail = string.IsNullOrWhiteSpace(text)
            ? $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}"
            : $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}: {Truncate(text.Trim(), 200)}";
        return new StewardApiException(response.StatusCode, response.StatusCode >= HttpStatusCode.InternalServerError ? "INTERNAL_ERROR" : null, detail, null);
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length] + "…";

    /// <summary>Follows page tokens until the last page, yielding every item.</summary>
    private static async IAsyncEnumerable<T> AllPagesAsync<T>(
        Func<string?, CancellationToken, Task<Page<T>>> fetch,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? token = null;
        do
        {
            var page = await fetch(token, cancellationToken);
            foreach (var item in page.Items) yield return item;
            token = page.NextPageToken;
        }
        while (!string.IsNullOrEmpty(token));
    }
}
