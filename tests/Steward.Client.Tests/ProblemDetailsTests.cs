using System.Net;
using System.Text;
using System.Text.Json;
using Steward.Tests.Support;

namespace Steward.Client.Tests;

/// <summary>What a client without the SDK sees when a request is wrong: RFC 7807 bodies naming the field.</summary>
public sealed class ProblemDetailsTests(StewardServerFixture server) : IClassFixture<StewardServerFixture>
{
    private async Task<(HttpStatusCode Status, JsonElement Problem, string? MediaType)> SendAsync(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await server.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(body).RootElement.Clone(), response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task malformed_json_gives_400_problem()
    {
        var (status, problem, mediaType) = await SendAsync(HttpMethod.Post, "api/v1/experiments", "{\"name\": ");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", mediaType);
        Assert.Equal("https://steward.dev/errors/invalid-parameter-value", problem.GetProperty("type").GetString());
        Assert.Equal("INVALID_PARAMETER_VALUE", problem.GetProperty("errorCode").GetString());
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task a_value_of_the_wrong_type_is_named_by_its_path()
    {
        var run = await server.Client.CreateRunAsync(null);
        var (status, problem, _) = await SendAsync(HttpMethod.Post, $"api/v1/runs/{run.RunId}/batch", "{\"metrics\":[{\"key\":\"a\",\"value\":\"high\"}]}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("$.metrics[0].value", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_missing_required_field_is_named()
    {
        var run = await server.Client.CreateRunAsync(null);
        var (status, problem, _) = await SendAsync(HttpMethod.Post, $"api/v1/runs/{run.RunId}/batch", "{\"metrics\":[{\"key\":\"a\"}]}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("metrics[0].value", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        (status, problem, _) = await SendAsync(HttpMethod.Post, "api/v1/experiments", "{}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("'name'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_unknown_field_is_refused_by_name()
    {
        var (status, problem, _) = await SendAsync(HttpMethod.Post, "api/v1/models", "{\"name\":\"m\",\"descripton\":\"typo\"}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("descripton", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_empty_body_is_refused()
    {
        var (status, problem, _) = await SendAsync(HttpMethod.Post, "api/v1/runs", "");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("INVALID_PARAMETER_VALUE", problem.GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task an_invalid_max_results_names_the_parameter()
    {
        var (status, problem, _) = await SendAsync(HttpMethod.Get, "api/v1/experiments?maxResults=lots");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("maxResults", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_invalid_filter_gives_400()
    {
        var (status, problem, _) = await SendAsync(HttpMethod.Post, "api/v1/runs/search", "{\"experimentIds\":[\"0\"],\"filter\":\"metrics.rmse <<< 1\"}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("INVALID_PARAMETER_VALUE", problem.GetProperty("errorCode").GetString());
    }

    [Theory]
    [InlineData("DONE")]
    [InlineData("RUNNING,FINISHED")]
    [InlineData("2")]
    public async Task an_unknown_run_status_is_refused(string status)
    {
        var run = await server.Client.CreateRunAsync(null);
        var (code, problem, _) = await SendAsync(HttpMethod.Patch, $"api/v1/runs/{run.RunId}", $"{{\"status\":\"{status}\"}}");
        Assert.Equal(HttpStatusCode.BadRequest, code);
        Assert.Contains("'status'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_unknown_route_gives_problem_404()
    {
        var (status, problem, mediaType) = await SendAsync(HttpMethod.Get, "api/v1/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("application/problem+json", mediaType);
        Assert.Equal("RESOURCE_DOES_NOT_EXIST", problem.GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task a_json_body_over_the_limit_is_refused()
    {
        var run = await server.Client.CreateRunAsync(null);
        var huge = "{\"value\":\"" + new string('x', 1_100_000) + "\"}";
        // The server answers from Content-Length and closes the connection without reading the
        // body. Waiting for that answer before sending, as "Expect: 100-continue" asks, keeps the
        // client from writing into a closed connection (a broken pipe instead of the 400).
        using var handler = new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(30) };
        using var http = new HttpClient(handler) { BaseAddress = server.Http.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Put, $"api/v1/runs/{run.RunId}/tags/big")
        {
            Content = new StringContent(huge, Encoding.UTF8, "application/json"),
        };
        request.Headers.ExpectContinue = true;
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("1048576 bytes", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task created_resources_answer_201_with_their_location()
    {
        using var response = await server.Http.PostAsync("api/v1/experiments", new StringContent($"{{\"name\":\"{StewardServerFixture.Unique("loc")}\"}}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("experimentId").GetString();
        Assert.Equal($"/api/v1/experiments/{id}", response.Headers.Location?.OriginalString);
    }
}
