using System.Text.Json;
using Steward.Cli.Tests.Support;
using Steward.Tests.Support;

namespace Steward.Cli.Tests;

/// <summary><c>steward models audit</c> and <c>steward models audits</c> against a real server with files in its data-set folder.</summary>
public sealed class ModelAuditVerbsTests(TokenServerFixture server) : IClassFixture<TokenServerFixture>
{
    private Task<CliResult> Steward(string token, params string[] args) => CliRunner.RunAsync([.. args, "--server", server.Url, "--token", token]);

    private Task<CliResult> AsAdmin(params string[] args) => Steward(server.AdminToken, args);

    private static void AssertOk(CliResult result) => Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Stderr}{result.Stdout}");

    private static readonly string[] CompasFairness =
        ["fairness", "--data", "compas.csv", "--label", "two_year_recid", "--score", "decile_score", "--threshold", "5", "--sensitive", "race", "--reference-group", "Caucasian", "--bootstrap", "0"];

    [Fact]
    public async Task a_fairness_audit_prints_its_id_verdict_and_summary_and_is_listed()
    {
        var (model, _) = await server.NewVersionAsync("fair");
        var result = await AsAdmin(["models", "audit", model, "1", .. CompasFairness]);
        AssertOk(result);
        Assert.Contains("failed", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("groups below", result.Stdout, StringComparison.Ordinal);
        var audit = Assert.Single(await server.Admin.ListModelAuditsAsync(model, 1));
        Assert.Contains($"Audit {audit.Id} of {model}", result.Stdout, StringComparison.Ordinal);

        var listed = await AsAdmin("models", "audits", model, "1");
        AssertOk(listed);
        Assert.Contains("compas.csv", listed.Stdout, StringComparison.Ordinal);
        Assert.Contains("fairness", listed.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task drift_and_evaluation_audits_run_with_their_own_options_and_json_output()
    {
        var (model, _) = await server.NewVersionAsync("kinds");
        var drift = await AsAdmin("models", "audit", model, "1", "drift", "--reference", "telco.csv", "--current", "telco.csv", "--columns", "tenure,Contract", "-o", "json");
        AssertOk(drift);
        var driftJson = JsonDocument.Parse(drift.Stdout).RootElement;
        Assert.Equal("drift", driftJson.GetProperty("kind").GetString());
        Assert.Equal("passed", driftJson.GetProperty("verdict").GetString());

        var evaluation = await AsAdmin("models", "audit", model, "1", "evaluation", "--data", "telco_scored.csv", "--label", "Churn", "--score", "score",
            "--positive", "Yes", "--min", "rocAuc=0.999", "-o", "json");
        AssertOk(evaluation);
        var evaluationJson = JsonDocument.Parse(evaluation.Stdout).RootElement;
        Assert.Equal("failed", evaluationJson.GetProperty("verdict").GetString());
        Assert.Equal(0.999, evaluationJson.GetProperty("settings").GetProperty("minimums").GetProperty("rocAuc").GetDouble());

        var onlyDrift = await AsAdmin("models", "audits", model, "1", "--kind", "drift", "-o", "json");
        AssertOk(onlyDrift);
        var items = JsonDocument.Parse(onlyDrift.Stdout).RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([driftJson.GetProperty("id").GetInt64()], items.Select(i => i.GetProperty("id").GetInt64()));
    }

    [Fact]
    public async Task an_option_of_another_kind_exits_1_naming_it_and_records_nothing()
    {
        var (model, _) = await server.NewVersionAsync("wrong");
        var result = await AsAdmin("models", "audit", model, "1", "drift", "--reference", "telco.csv", "--current", "telco.csv", "--sensitive", "gender");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--sensitive does not apply to a drift audit", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(await server.Admin.ListModelAuditsAsync(model, 1));
    }

    [Fact]
    public async Task a_missing_setting_or_file_exits_1_and_records_nothing()
    {
        var (model, _) = await server.NewVersionAsync("missing");
        var noLabel = await AsAdmin("models", "audit", model, "1", "fairness", "--data", "compas.csv", "--prediction", "is_recid", "--sensitive", "race");
        Assert.Equal(1, noLabel.ExitCode);
        Assert.Contains("'label'", noLabel.Stderr, StringComparison.Ordinal);
        var noFile = await AsAdmin("models", "audit", model, "1", "evaluation", "--data", "nowhere.csv", "--label", "Churn", "--score", "score");
        Assert.Equal(1, noFile.ExitCode);
        Assert.Empty(await server.Admin.ListModelAuditsAsync(model, 1));
    }

    [Fact]
    public async Task a_user_without_the_run_audits_role_exits_2_and_nothing_is_recorded()
    {
        var (model, _) = await server.NewVersionAsync("refused");
        var result = await Steward(server.AuditorToken, ["models", "audit", model, "1", .. CompasFairness]);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("steward: error: ", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(await server.Admin.ListModelAuditsAsync(model, 1));
    }
}
