using System.Text.Json;
using Steward.Cli.Tests.Support;
using Steward.Client;
using Steward.Tests.Support;

namespace Steward.Cli.Tests;

/// <summary><c>steward models create</c> and <c>steward models versions create</c> against a real server that requires tokens.</summary>
public sealed class ModelVerbsTests(TokenServerFixture server) : IClassFixture<TokenServerFixture>
{
    private Task<CliResult> Steward(string token, params string[] args) => CliRunner.RunAsync([.. args, "--server", server.Url, "--token", token]);

    private Task<CliResult> AsAdmin(params string[] args) => Steward(server.AdminToken, args);

    private static void AssertOk(CliResult result) => Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Stderr}{result.Stdout}");

    private static void AssertExit(int code, CliResult result)
    {
        Assert.True(result.ExitCode == code, $"expected exit {code}, got {result.ExitCode}: {result.Stderr}{result.Stdout}");
        Assert.StartsWith("steward: error: ", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.TrimEnd().Split('\n'));
    }

    private async Task<Run> NewRunAsync() =>
        await server.Admin.CreateRunAsync((await server.Admin.CreateExperimentAsync(StewardServerFixture.Unique("exp"))).ExperimentId);

    [Fact]
    public async Task models_create_registers_a_model_with_its_description_and_tags()
    {
        var name = StewardServerFixture.Unique("churn");
        var result = await AsAdmin("models", "create", name, "--domain", "default", "--description", "churn classifier", "--tag", "team=risk", "--tag", "tier=gold");
        AssertOk(result);
        Assert.Contains($"Created model '{name}' in domain default", result.Stdout, StringComparison.Ordinal);

        var model = await server.Admin.GetModelAsync(name);
        Assert.Equal("churn classifier", model.Description);
        Assert.Equal("risk", model.Tags["team"]);
        Assert.Equal("gold", model.Tags["tier"]);
    }

    [Fact]
    public async Task models_create_json_is_the_apis_model()
    {
        var name = StewardServerFixture.Unique("json");
        var result = await AsAdmin("models", "create", name, "-o", "json");
        AssertOk(result);
        Assert.Equal(name, JsonDocument.Parse(result.Stdout).RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public async Task versions_create_takes_a_run_id_prefix_and_prints_the_new_version()
    {
        var name = StewardServerFixture.Unique("versioned");
        await server.Admin.CreateModelAsync(name);
        var run = await NewRunAsync();

        var first = await AsAdmin("models", "versions", "create", name, "--run", run.RunId[..10], "--path", "model", "--description", "first cut");
        AssertOk(first);
        Assert.Contains("Version", first.Stdout, StringComparison.Ordinal);
        Assert.Contains($"runs:/{run.RunId}/model", first.Stdout, StringComparison.Ordinal);

        var second = await AsAdmin("models", "versions", "create", name, "--run", run.RunId, "--path", "/model/", "-o", "json");
        AssertOk(second);
        var json = JsonDocument.Parse(second.Stdout).RootElement;
        Assert.Equal(2, json.GetProperty("version").GetInt32());
        Assert.Equal(run.RunId, json.GetProperty("runId").GetString());

        var stored = await server.Admin.GetModelVersionAsync(name, 1);
        Assert.Equal($"runs:/{run.RunId}/model", stored.Source);
        Assert.Equal(run.RunId, stored.RunId);
        Assert.Equal("first cut", stored.Description);
    }

    [Fact]
    public async Task versions_create_from_a_missing_run_exits_1_and_creates_nothing()
    {
        var name = StewardServerFixture.Unique("norun");
        await server.Admin.CreateModelAsync(name);
        var result = await AsAdmin("models", "versions", "create", name, "--run", "0000aaaa", "--path", "model");
        AssertExit(1, result);
        Assert.Contains("no run id starts with '0000aaaa'", result.Stderr, StringComparison.Ordinal);
        Assert.Empty((await server.Admin.ListModelVersionsAsync(name)).Items);
    }

    [Fact]
    public async Task models_create_with_an_empty_name_exits_1()
    {
        AssertExit(1, await AsAdmin("models", "create", ""));
    }

    [Fact]
    public async Task a_user_without_the_registry_write_role_exits_2_and_nothing_is_created()
    {
        var name = StewardServerFixture.Unique("refused");
        AssertExit(2, await Steward(server.AuditorToken, "models", "create", name));
        var error = await Assert.ThrowsAsync<StewardApiException>(() => server.Admin.GetModelAsync(name));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, error.StatusCode);

        await server.Admin.CreateModelAsync(name);
        var run = await NewRunAsync();
        AssertExit(2, await Steward(server.AuditorToken, "models", "versions", "create", name, "--run", run.RunId[..8], "--path", "model"));
        Assert.Empty((await server.Admin.ListModelVersionsAsync(name)).Items);
    }
}
