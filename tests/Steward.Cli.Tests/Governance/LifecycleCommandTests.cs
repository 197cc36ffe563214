using System.Text.Json;
using Steward.Cli.Tests.Support;
using Steward.Client;
using Steward.Tests.Support;

namespace Steward.Cli.Tests.Governance;

/// <summary><c>steward governance steps|gates|waive</c>, <c>steward approvals</c> and gated <c>steward models stage|alias</c>, as the real executable against a real server.</summary>
public sealed class LifecycleCommandTests(StewardServerFixture server) : IClassFixture<StewardServerFixture>
{
    private string Url => server.Address.AbsoluteUri.TrimEnd('/');

    private Task<CliResult> Steward(params string[] args) => CliRunner.RunAsync([.. args, "--server", Url]);

    /// <summary>A version of a model with a governance record: the gates apply to it.</summary>
    private async Task<string> GovernedModelAsync()
    {
        var run = await server.Client.CreateRunAsync(null);
        var model = await server.Client.CreateModelAsync(StewardServerFixture.Unique("cli-gates"));
        await server.Client.CreateModelVersionAsync(model.Name, $"runs:/{run.RunId}/model", run.RunId);
        await server.Client.SetGovernanceRecordAsync(model.Name, new SetGovernanceRecordRequest(Owner: "ops"));
        return model.Name;
    }

    [Fact]
    public async Task A_stage_move_a_gate_refuses_exits_2_listing_every_unmet_gate()
    {
        var name = await GovernedModelAsync();
        var result = await Steward("models", "stage", name, "1", "Staging");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cannot move to Staging", result.Stderr, StringComparison.Ordinal);
        foreach (var step in new[] { "business-kpi", "feature-pipeline", "evaluation", "model-card" }) Assert.Contains(step, result.Stderr, StringComparison.Ordinal);
        Assert.Equal(ModelStage.None, (await server.Client.GetModelVersionAsync(name, 1)).CurrentStage);
    }

    [Fact]
    public async Task A_protected_alias_is_gated_and_another_alias_is_not()
    {
        var name = await GovernedModelAsync();
        Assert.Equal(2, (await Steward("models", "alias", name, "champion", "1")).ExitCode);
        Assert.Equal(0, (await Steward("models", "alias", name, "candidate", "1")).ExitCode);
    }

    [Fact]
    public async Task Gates_with_a_target_exits_2_while_that_gate_is_closed()
    {
        var name = await GovernedModelAsync();
        var result = await Steward("governance", "gates", name, "1", "--target", "production");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Production gate: REFUSES a change", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("[8 production-approval]", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Steps_lists_the_nine_steps_with_their_owner_roles()
    {
        var name = await GovernedModelAsync();
        var result = await Steward("governance", "steps", name, "1", "-o", "json");
        Assert.Equal(0, result.ExitCode);
        var steps = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(9, steps.Count);
        Assert.Equal(["product-manager", "data-engineer", "ml-engineer", "ml-engineer", "release-manager", "governance-officer", "ml-engineer", "release-manager", "data-analyst"],
            steps.Select(s => s.GetProperty("owner").GetString()));
    }

    [Theory]
    [InlineData("drift-monitoring", "--reason", "pilot", "expires")]
    [InlineData("drift-monitoring", "--expires", "2099-01-01", "reason")]
    [InlineData("no-such-step", "--reason", "pilot", "Unknown lifecycle step 'no-such-step'")]
    [InlineData("production-approval", "--reason", "pilot", "cannot be waived")]
    public async Task A_waiver_without_reason_or_expiry_or_for_an_unknown_step_exits_1_and_stores_nothing(string step, string option, string value, string message)
    {
        var name = await GovernedModelAsync();
        var result = await Steward("governance", "waive", name, "1", step, option, value);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        Assert.Empty((await server.Client.ListWaiversAsync(name, "1")).Items);
    }

    [Fact]
    public async Task Approving_ones_own_version_exits_2()
    {
        var name = await GovernedModelAsync();
        var result = await Steward("approvals", "approve", name, "1");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("separation of duties", result.Stderr, StringComparison.Ordinal);
        Assert.Empty((await server.Client.ListApprovalsAsync(name, "1")).Decisions);
    }

    [Fact]
    public async Task A_rejection_without_a_reason_exits_1()
    {
        // A reviewer who may decide (not an author, the unscored tier's governance-officer): authors are refused before the reason is read.
        var name = await GovernedModelAsync();
        var officer = StewardServerFixture.Unique("officer");
        await server.Client.CreateUserAsync(officer, ["governance-officer"], []);
        var token = await server.Client.CreateTokenAsync(officer, "cli");
        var result = await CliRunner.RunAsync(["approvals", "reject", name, "1", "--server", Url], new Dictionary<string, string?> { ["STEWARD_TOKEN"] = token.Secret });
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("reason", result.Stderr, StringComparison.Ordinal);
        Assert.Empty((await server.Client.ListApprovalsAsync(name, "1")).Decisions);
    }

    [Fact]
    public async Task A_waiver_for_thirty_days_is_read_as_30d()
    {
        var name = await GovernedModelAsync();
        var result = await Steward("governance", "waive", name, "1", "drift-monitoring", "--reason", "pilot, monitored by hand", "--expires", "30d", "-o", "json");
        Assert.Equal(0, result.ExitCode);
        var expires = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("expiresTimestamp").GetInt64();
        Assert.InRange(expires, DateTimeOffset.UtcNow.AddDays(29).ToUnixTimeMilliseconds(), DateTimeOffset.UtcNow.AddDays(31).ToUnixTimeMilliseconds());
    }
}
