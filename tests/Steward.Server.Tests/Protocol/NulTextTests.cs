using System.Net;
using System.Text;
using System.Text.Json;
using Steward.Server.Tests.Support;

namespace Steward.Server.Tests.Protocol;

/// <summary>
/// Text with a NUL character: PostgreSQL cannot store it and SQLite would, so both backends
/// refuse it alike with a 400 that names the field, and nothing is stored.
/// </summary>
public sealed class NulTextTests(ApiServers servers) : ApiTests(servers)
{
    [SkippableTheory, Backends]
    public async Task mlflow_writes_refuse_a_nul_in_any_text_naming_the_field(Backend backend)
    {
        var api = await ApiAsync(backend);
        var experimentId = await api.CreateExperimentAsync();
        var runId = await api.CreateRunAsync(experimentId);
        var nul = Unique("a") + "\0b";
        var cases = new (string Field, Func<Task<ApiResponse>> Send)[]
        {
            ("name", () => api.PostAsync("experiments/create", new { name = nul })),
            ("run_name", () => api.PostAsync("runs/create", new { experiment_id = experimentId, run_name = nul })),
            ("key", () => api.PostAsync("runs/set-tag", new { run_id = runId, key = nul, value = "v" })),
            ("value", () => api.PostAsync("runs/set-tag", new { run_id = runId, key = "k", value = nul })),
            ("value", () => api.PostAsync("runs/log-parameter", new { run_id = runId, key = "p", value = nul })),
            ("params[0].value", () => api.PostAsync("runs/log-batch", new { run_id = runId, @params = new[] { new { key = "q", value = nul } } })),
            ("name", () => api.PostAsync("registered-models/create", new { name = nul })),
            ("description", () => api.PostAsync("registered-models/create", new { name = Unique("model"), description = nul })),
            ("name", () => api.GetAsync($"registered-models/get?name={Uri.EscapeDataString(nul)}")),
        };
        foreach (var (field, send) in cases)
        {
            var message = (await send()).Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE");
            Assert.Contains($"'{field}'", message, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"experiments/get-by-name?experiment_name={Uri.EscapeDataString(nul.Replace("\0", "", StringComparison.Ordinal))}")).Status);
        var run = await api.GetRunAsync(runId);
        Assert.False(run.GetProperty("data").TryGetProperty("params", out _));
    }

    [SkippableTheory, Backends]
    public async Task native_writes_refuse_a_nul_in_any_text_naming_the_field(Backend backend)
    {
        var server = await ServerAsync(backend);
        var nul = Unique("a") + "\\u0000b";
        var cases = new (string Field, Func<Task<HttpResponseMessage>> Send)[]
        {
            ("name", () => server.Http.PostAsync("/api/v1/experiments", Json($"{{\"name\": \"{nul}\"}}"))),
            ("tags.k", () => server.Http.PostAsync("/api/v1/experiments", Json($"{{\"name\": \"{Unique("exp")}\", \"tags\": {{\"k\": \"{nul}\"}}}}"))),
            ("name", () => server.Http.PostAsync("/api/v1/models", Json($"{{\"name\": \"{nul}\"}}"))),
            ("filter", () => server.Http.GetAsync("/api/v1/experiments?filter=name%3D%27a%00%27")),
        };
        foreach (var (field, send) in cases)
        {
            using var answer = await send();
            var body = await answer.Content.ReadAsStringAsync();
            Assert.True(answer.StatusCode == HttpStatusCode.BadRequest, $"{field}: {(int)answer.StatusCode} {body}");
            Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(body);
            Assert.Equal("INVALID_PARAMETER_VALUE", problem.RootElement.GetProperty("errorCode").GetString());
            Assert.Contains($"'{field}'", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [SkippableTheory, Backends]
    public async Task a_nul_in_a_path_is_refused_before_it_reaches_steward(Backend backend)
    {
        var server = await ServerAsync(backend);
        using var answer = await server.Http.GetAsync("/api/v1/models/a%00b");
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
