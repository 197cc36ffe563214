using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Steward.Server.Tests.Support;

/// <summary>
/// Plain HTTP calls to the MLflow API, as any MLflow client makes them. Paths without a leading
/// slash are relative to <c>/api/2.0/mlflow/</c>; bodies are anonymous objects serialized as JSON.
/// </summary>
public sealed class MlflowHttp(HttpClient http)
{
    public const string Prefix = "/api/2.0/mlflow/";

    public Task<ApiResponse> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public Task<ApiResponse> PostAsync(string path, object body) => SendAsync(HttpMethod.Post, path, Serialize(body));

    public Task<ApiResponse> PatchAsync(string path, object body) => SendAsync(HttpMethod.Patch, path, Serialize(body));

    public Task<ApiResponse> DeleteAsync(string path, object? body = null) => SendAsync(HttpMethod.Delete, path, body is null ? null : Serialize(body));

    /// <summary>Sends a body exactly as given, with the given Content-Type (none when null).</summary>
    public async Task<ApiResponse> SendAsync(HttpMethod method, string path, string? body, string? contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, Resolve(path));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
            // The server refuses a body over its limit from Content-Length and closes the connection
            // unread; waiting for its go-ahead keeps the client from writing into a closed socket.
            if (body.Length > 1024 * 1024) request.Headers.ExpectContinue = true;
        }

        using var response = await http.SendAsync(request);
        return new ApiResponse(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>Creates an experiment with a unique name and returns its id.</summary>
    public async Task<string> CreateExperimentAsync(string? name = null)
    {
        var response = await PostAsync("experiments/create", new { name = name ?? "exp-" + Guid.NewGuid().ToString("N")[..8] });
        return response.Ok().GetProperty("experiment_id").GetString()!;
    }

    /// <summary>Creates a run in a new experiment (or the given one) and returns its id.</summary>
    public async Task<string> CreateRunAsync(string? experimentId = null)
    {
        experimentId ??= await CreateExperimentAsync();
        var response = await PostAsync("runs/create", new { experiment_id = experimentId, start_time = 1_700_000_000_000L });
        return response.Ok().GetProperty("run").GetProperty("info").GetProperty("run_id").GetString()!;
    }

    public async Task<JsonElement> GetRunAsync(string runId) =>
        (await GetAsync($"runs/get?run_id={runId}")).Ok().GetProperty("run");

    private static string Resolve(string path) => path.StartsWith('/') ? path : Prefix + path;

    private static string Serialize(object body) => body as string ?? JsonSerializer.Serialize(body);
}

/// <summary>An HTTP answer: status, raw body, and the body as JSON when it is JSON.</summary>
public sealed record ApiResponse(HttpStatusCode Status, string Body, string? ContentType)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string? ErrorCode => Json.TryGetProperty("error_code", out var code) ? code.GetString() : null;

    public string? Message => Json.TryGetProperty("message", out var message) ? message.GetString() : null;

    /// <summary>Asserts a 200 with a JSON body and returns the body.</summary>
    public JsonElement Ok()
    {
        Assert.True(Status == HttpStatusCode.OK, $"Expected 200, got {(int)Status}: {Body}");
        Assert.Equal("application/json", ContentType);
        return Json;
    }

    /// <summary>Asserts MLflow's error format with the given status and code, and returns the message.</summary>
    public string Error(HttpStatusCode status, string errorCode)
    {
        Assert.True(Status == status, $"Expected {(int)status}, got {(int)Status}: {Body}");
        Assert.Equal("application/json", ContentType);
        Assert.Equal(errorCode, ErrorCode);
        var names = Json.EnumerateObject().Select(p => p.Name).Order().ToArray();
        Assert.Equal(["error_code", "message"], names);
        return Message!;
    }
}
