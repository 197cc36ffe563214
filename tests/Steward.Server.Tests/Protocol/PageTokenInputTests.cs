using System.Net;
using System.Text;
using Steward.Server.Tests.Support;

namespace Steward.Server.Tests.Protocol;

/// <summary>Page tokens a client made up: every search and list answers 400, never 500.</summary>
public sealed class PageTokenInputTests(ApiServers servers) : ApiTests(servers)
{
    /// <summary>Base64 JSON objects whose offset is not a number.</summary>
    public static readonly string[] Tokens = ["{\"offset\": \"5\"}", "{\"offset\": null}", "{\"offset\": true}", "[1]", "\"offset\""];

    private static string Token(string json) => Uri.EscapeDataString(Convert.ToBase64String(Encoding.UTF8.GetBytes(json)));

    [SkippableTheory, Backends]
    public async Task mlflow_searches_refuse_a_page_token_whose_offset_is_not_a_number(Backend backend)
    {
        var api = await ApiAsync(backend);
        var experimentId = await api.CreateExperimentAsync();
        var runId = await api.CreateRunAsync(experimentId);
        foreach (var json in Tokens)
        {
            var raw = Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
            var token = Token(json);
            var answers = new Dictionary<string, ApiResponse>
            {
                ["runs/search"] = await api.PostAsync("runs/search", new { experiment_ids = new[] { experimentId }, page_token = raw }),
                ["experiments/search"] = await api.PostAsync("experiments/search", new { page_token = raw }),
                ["registered-models/search"] = await api.GetAsync($"registered-models/search?page_token={token}"),
                ["model-versions/search"] = await api.GetAsync($"model-versions/search?page_token={token}"),
                ["logged-models/search"] = await api.PostAsync("logged-models/search", new { experiment_ids = new[] { experimentId }, page_token = raw }),
                ["metrics/get-history"] = await api.GetAsync($"metrics/get-history?run_id={runId}&metric_key=loss&page_token={token}"),
            };
            foreach (var (endpoint, answer) in answers)
            {
                Assert.True(answer.Status == HttpStatusCode.BadRequest, $"{endpoint} with {json}: {(int)answer.Status} {answer.Body}");
                Assert.Equal("INVALID_PARAMETER_VALUE", answer.ErrorCode);
            }
        }
    }

    [SkippableTheory, Backends]
    public async Task native_lists_refuse_a_page_token_whose_offset_is_not_a_number(Backend backend)
    {
        var server = await ServerAsync(backend);
        var experimentId = await server.Api.CreateExperimentAsync();
        foreach (var json in Tokens)
        {
            var raw = Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
            var token = Token(json);
            var answers = new Dictionary<string, HttpResponseMessage>
            {
                ["experiments"] = await server.Http.GetAsync($"/api/v1/experiments?pageToken={token}"),
                ["runs/search"] = await server.Http.PostAsync("/api/v1/runs/search", Json($"{{\"experimentIds\": [\"{experimentId}\"], \"pageToken\": \"{raw}\"}}")),
                ["models"] = await server.Http.GetAsync($"/api/v1/models?pageToken={token}"),
                ["model-versions/search"] = await server.Http.GetAsync($"/api/v1/model-versions/search?pageToken={token}"),
                ["governance/models"] = await server.Http.GetAsync($"/api/v1/governance/models?pageToken={token}"),
                ["audit/entries"] = await server.Http.GetAsync($"/api/v1/audit/entries?pageToken={token}"),
            };
            foreach (var (endpoint, answer) in answers)
            {
                using (answer)
                {
                    var body = await answer.Content.ReadAsStringAsync();
                    Assert.True(answer.StatusCode == HttpStatusCode.BadRequest, $"{endpoint} with {json}: {(int)answer.StatusCode} {body}");
                    Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
                }
            }
        }
    }

    [SkippableTheory, Backends]
    public async Task metric_history_refuses_a_max_results_below_one(Backend backend)
    {
        var api = await ApiAsync(backend);
        var runId = await api.CreateRunAsync();
        (await api.PostAsync("runs/log-metric", new { run_id = runId, key = "loss", value = 0.5, timestamp = 1, step = 0 })).Ok();
        foreach (var max in new[] { -1, 0 })
        {
            (await api.GetAsync($"metrics/get-history?run_id={runId}&metric_key=loss&max_results={max}")).Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE");
            (await api.GetAsync($"metrics/get-history-bulk?run_id={runId}&metric_key=loss&max_results={max}")).Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE");
        }

        Assert.Single((await api.GetAsync($"metrics/get-history?run_id={runId}&metric_key=loss")).Ok().GetProperty("metrics").EnumerateArray());
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
