using Steward.Cli.Tests.Support;
using Steward.Client;

namespace Steward.Cli.Tests;

/// <summary>
/// <c>steward audit verify --state</c>: the runs' metrics, params and tags and the versions'
/// stages and aliases replayed from the ledger agree with the tables, and an edit made in the
/// database behind the ledger's back is named with both values.
/// </summary>
public sealed class LedgerStateTests
{
    public static TheoryData<string> Backends => ["sqlite", "postgres"];

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task untouched_records_agree_with_the_ledger(string backend)
    {
        await using var site = await LedgerSite.CreateAsync(backend);
        await SeedAsync(site);
        var result = await CliRunner.RunAsync(["audit", "verify", .. site.StorageArgs, "--state"]);
        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Contains("ok: the records agree with", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task an_edited_metric_value_is_reported_with_the_ledger_and_stored_values(string backend)
    {
        await using var site = await LedgerSite.CreateAsync(backend);
        var (runId, _) = await SeedAsync(site);
        await site.ExecuteAsync("UPDATE latest_metrics SET value = 0.99 WHERE key = 'loss'");

        var result = await CliRunner.RunAsync(["audit", "verify", .. site.StorageArgs, "--state"]);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"steward: error: state verification failed: 1 difference(s); first: run/{runId} metric loss: the ledger says 0.25 (step 2,", result.Stderr.Trim(), StringComparison.Ordinal);
        Assert.Contains("the database holds 0.99 (step 2,", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task an_edited_stage_is_reported_with_the_ledger_and_stored_values(string backend)
    {
        await using var site = await LedgerSite.CreateAsync(backend);
        var (_, model) = await SeedAsync(site);
        await site.ExecuteAsync("UPDATE model_versions SET current_stage = 'Production' WHERE version = 1");

        var result = await CliRunner.RunAsync(["audit", "verify", .. site.StorageArgs, "--state"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"steward: error: state verification failed: 1 difference(s); first: registered_model/{model}/version/1 stage: the ledger says Staging, the database holds Production", result.Stderr.Trim());
    }

    [Fact]
    public async Task an_edited_param_and_a_moved_alias_are_both_reported()
    {
        await using var site = await LedgerSite.CreateAsync("sqlite");
        var (runId, model) = await SeedAsync(site);
        await site.ExecuteAsync("UPDATE params SET value = '0.5' WHERE key = 'lr'");
        await site.ExecuteAsync("UPDATE registered_model_aliases SET version = 2 WHERE alias = 'champion'");

        var result = await CliRunner.RunAsync(["audit", "verify", .. site.StorageArgs, "--state"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("2 difference(s)", result.Stderr, StringComparison.Ordinal);
        Assert.Contains($"run/{runId}", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("param lr", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"registered_model/{model}", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("alias champion", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task an_edited_attestation_and_an_added_waiver_are_reported(string backend)
    {
        await using var site = await LedgerSite.CreateAsync(backend);
        var (_, model) = await SeedAsync(site);
        await using (var server = await site.StartAsync())
        {
            using var client = new StewardClient(server.Address);
            await client.AttestStepAsync(model, "1", "business-kpi", "https://wiki.example.org/kpi/churn", "retention KPI");
        }

        await site.ExecuteAsync("UPDATE step_attestations SET link = 'https://elsewhere.example.org/'");
        await site.ExecuteAsync("INSERT INTO step_waivers (model_id, version, step, reason, expires_at, waived_by, waived_at) SELECT model_id, 1, 'model-card', 'slipped in', 4102444800000, 'nobody', 0 FROM registered_models");

        var result = await CliRunner.RunAsync(["audit", "verify", .. site.StorageArgs, "--state"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("2 difference(s)", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("https://wiki.example.org/kpi/churn", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("slipped in", result.Stdout, StringComparison.Ordinal);
    }

    private static async Task<(string RunId, string Model)> SeedAsync(LedgerSite site)
    {
        await using var server = await site.StartAsync();
        using var client = new StewardClient(server.Address);
        var experiment = await client.CreateExperimentAsync($"state-{Guid.NewGuid():N}");
        var run = await client.CreateRunAsync(experiment.ExperimentId, "r", new Dictionary<string, string> { ["team"] = "risk" });
        await client.LogParamAsync(run.RunId, "lr", "0.1");
        await client.LogMetricAsync(run.RunId, "loss", 0.5, step: 1);
        await client.LogMetricAsync(run.RunId, "loss", 0.25, step: 2);
        await client.LogMetricAsync(run.RunId, "loss", 0.75, step: 0);
        var model = $"m-{Guid.NewGuid():N}";
        await client.CreateModelAsync(model);
        await client.CreateModelVersionAsync(model, "runs:/x/model", run.RunId);
        await client.CreateModelVersionAsync(model, "runs:/x/model", run.RunId);
        await client.TransitionStageAsync(model, 1, Steward.Contracts.Registry.ModelStage.Staging);
        await client.SetAliasAsync(model, "champion", 1);
        return (run.RunId, model);
    }
}
