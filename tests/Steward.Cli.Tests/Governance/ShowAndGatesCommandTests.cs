using System.Text.Json;
using Steward.Cli.Tests.Support;
using Steward.Client;
using Steward.Tests.Support;

namespace Steward.Cli.Tests.Governance;

/// <summary>
/// <c>steward governance policy show</c> and <c>scorecard-config show</c> print the stored YAML
/// so it round-trips through <c>set</c>; <c>gates --target</c> prints the gate asked for;
/// <c>list --tier high</c> includes unscored models.
/// </summary>
public sealed class ShowAndGatesCommandTests(StewardServerFixture server) : IClassFixture<StewardServerFixture>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("steward-cli-show-").FullName;

    private string Url => server.Address.AbsoluteUri.TrimEnd('/');

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private Task<CliResult> Steward(params string[] args) => CliRunner.RunAsync([.. args, "--server", Url]);

    private async Task<string> GovernedModelAsync()
    {
        var run = await server.Client.CreateRunAsync(null);
        var model = await server.Client.CreateModelAsync(StewardServerFixture.Unique("cli-show"));
        await server.Client.CreateModelVersionAsync(model.Name, $"runs:/{run.RunId}/model", run.RunId);
        await server.Client.SetGovernanceRecordAsync(model.Name, new SetGovernanceRecordRequest(Owner: "ops"));
        return model.Name;
    }

    [Theory]
    [InlineData("policy")]
    [InlineData("scorecard-config")]
    public async Task Show_prints_the_yaml_in_force_which_set_stores_back_unchanged(string noun)
    {
        var before = JsonDocument.Parse((await Steward("governance", noun, "show", "-o", "json")).Stdout).RootElement;
        var shown = await Steward("governance", noun, "show");
        Assert.Equal(0, shown.ExitCode);
        Assert.Equal(before.GetProperty("content").GetString(), shown.Stdout);
        Assert.Contains($"sha256 {before.GetProperty("sha256").GetString()}", shown.Stderr, StringComparison.Ordinal);

        var path = Path.Combine(_folder, noun + ".yaml");
        await File.WriteAllTextAsync(path, shown.Stdout);
        Assert.Equal(0, (await Steward("governance", noun, "set", path)).ExitCode);

        var after = JsonDocument.Parse((await Steward("governance", noun, "show", "-o", "json")).Stdout).RootElement;
        Assert.Equal(before.GetProperty("version").GetInt32() + 1, after.GetProperty("version").GetInt32());
        Assert.Equal(before.GetProperty("sha256").GetString(), after.GetProperty("sha256").GetString());
        Assert.Equal(shown.Stdout, (await Steward("governance", noun, "show")).Stdout);
    }

    [Theory]
    [InlineData("policy")]
    [InlineData("scorecard-config")]
    public async Task Show_with_a_version_prints_that_version(string noun)
    {
        var shipped = await Steward("governance", noun, "show", "--version", "0");
        Assert.Equal(0, shipped.ExitCode);
        Assert.Contains("version 0 (the shipped default)", shipped.Stderr, StringComparison.Ordinal);
        var json = JsonDocument.Parse((await Steward("governance", noun, "show", "--version", "0", "-o", "json")).Stdout).RootElement;
        Assert.Equal((0, shipped.Stdout), (json.GetProperty("version").GetInt32(), json.GetProperty("content").GetString()));
        Assert.Equal(1, (await Steward("governance", noun, "show", "--version", "99")).ExitCode);
    }

    [Theory]
    [InlineData("production", "Production gate: REFUSES a change", "Staging gate")]
    [InlineData("staging", "Staging gate: REFUSES a change", "Production gate")]
    public async Task Gates_with_a_target_prints_only_that_gate_and_exits_2_while_it_is_closed(string target, string shown, string hidden)
    {
        var name = await GovernedModelAsync();
        var result = await Steward("governance", "gates", name, "1", "--target", target);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(shown, result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(hidden, result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gates_without_a_target_prints_both_gates()
    {
        var name = await GovernedModelAsync();
        var result = await Steward("governance", "gates", name, "1");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Staging gate", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Production gate", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_tier_high_includes_an_unscored_model_shown_as_high_unscored()
    {
        var name = await GovernedModelAsync();
        var table = await Steward("governance", "list", "--tier", "high", "--max-results", "1000");
        Assert.Equal(0, table.ExitCode);
        Assert.Contains(name, table.Stdout, StringComparison.Ordinal);
        Assert.Contains("high (unscored)", table.Stdout, StringComparison.Ordinal);

        var json = JsonDocument.Parse((await Steward("governance", "list", "--tier", "high", "--max-results", "1000", "-o", "json")).Stdout).RootElement;
        var entry = json.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("name").GetString() == name);
        Assert.Equal(("high", "unscored"), (entry.GetProperty("tier").GetString(), entry.GetProperty("tierSource").GetString()));
    }

    [Fact]
    public async Task Show_prints_the_warning_of_a_draft_record_whose_model_is_in_production()
    {
        var run = await server.Client.CreateRunAsync(null);
        var model = await server.Client.CreateModelAsync(StewardServerFixture.Unique("cli-warn"));
        await server.Client.CreateModelVersionAsync(model.Name, $"runs:/{run.RunId}/model", run.RunId);
        await server.Client.TransitionStageAsync(model.Name, 1, ModelStage.Production);
        await server.Client.SetGovernanceRecordAsync(model.Name, new SetGovernanceRecordRequest(Owner: "ops"));

        var show = await Steward("governance", "show", model.Name);
        Assert.Contains("Warning: status is draft while version 1 is in Production.", show.Stdout, StringComparison.Ordinal);
        var json = JsonDocument.Parse((await Steward("governance", "show", model.Name, "-o", "json")).Stdout).RootElement;
        Assert.Equal("status is draft while version 1 is in Production", json.GetProperty("warnings")[0].GetString());
    }
}
