using System.Text.Json;
using Steward.Cli.Tests.Support;
using Steward.Client;
using Steward.Tests.Support;

namespace Steward.Cli.Tests.Governance;

/// <summary><c>steward governance ...</c> and <c>steward cards ...</c>, run as the real executable against a real server.</summary>
public sealed class GovernanceCommandTests(StewardServerFixture server) : IClassFixture<StewardServerFixture>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("steward-cli-gov-").FullName;

    private string Url => server.Address.AbsoluteUri.TrimEnd('/');

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private Task<CliResult> Steward(params string[] args) => CliRunner.RunAsync([.. args, "--server", Url]);

    private async Task<string> NewModelAsync()
    {
        var run = await server.Client.CreateRunAsync(null);
        var model = await server.Client.CreateModelAsync(StewardServerFixture.Unique("cli-gov"));
        await server.Client.CreateModelVersionAsync(model.Name, $"runs:/{run.RunId}/model", run.RunId);
        return model.Name;
    }

    [Theory]
    [InlineData("high", "95", "low", "weekly", 3)]
    [InlineData("medium", "80", "medium", "monthly", 5)]
    public async Task Score_reproduces_the_published_scorecard_locally_and_on_the_server(string impact, string quality, string bias, string frequency, int expected)
    {
        string[] factors = ["--business-impact", impact, "--data-quality", quality, "--bias-risk", bias, "--deployment-frequency", frequency, "-o", "json"];
        var local = await CliRunner.RunAsync(["governance", "score", .. factors, "--local"]);
        var remote = await Steward(["governance", "score", .. factors]);
        Assert.Equal((0, 0), (local.ExitCode, remote.ExitCode));
        Assert.Equal(expected, JsonDocument.Parse(local.Stdout).RootElement.GetProperty("score").GetDecimal());
        Assert.Equal(expected, JsonDocument.Parse(remote.Stdout).RootElement.GetProperty("score").GetDecimal());
    }

    [Fact]
    public async Task Score_prints_a_table_with_the_tier_and_what_raised_it()
    {
        var result = await CliRunner.RunAsync("governance", "score", "--business-impact", "high", "--data-quality", "95", "--bias-risk", "low", "--deployment-frequency", "weekly", "--local");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Risk score 3, tier medium (score alone: low; raised by business_impact=high)", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_with_an_invalid_level_exits_1_naming_the_factor()
    {
        var result = await CliRunner.RunAsync("governance", "score", "--business-impact", "extreme", "--data-quality", "95", "--bias-risk", "low", "--deployment-frequency", "weekly", "--local");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("steward: error: Invalid value 'extreme' for scorecard factor 'business_impact': expected one of low, medium, high.", result.Stderr.Trim());
    }

    [Fact]
    public async Task Score_with_a_malformed_config_file_exits_1_naming_the_line()
    {
        var path = Path.Combine(_folder, "bad.yaml");
        await File.WriteAllTextAsync(path, "name: x\nfactors:\n  - key: impact\n    levels: [ { value: low, points: lots } ]\ntiers: []\n");
        var result = await CliRunner.RunAsync("governance", "score", "--factor", "impact=low", "--config", path);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("factors[0].levels[0].points (line 4): expected a number, got 'lots'", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_show_and_list_a_governance_record()
    {
        var name = await NewModelAsync();
        var domain = StewardServerFixture.Unique("unit");
        await server.Client.CreateDomainAsync(domain);
        await server.Client.SetModelDomainAsync(name, domain);
        var set = await Steward("governance", "set", name, "--owner", "alice", "--domain", domain, "--purpose", "Keep customers", "--checklist", "gdpr", "--checklist", "sox");
        Assert.Equal(0, set.ExitCode);

        var show = await Steward("governance", "show", name, "-o", "json");
        var record = JsonDocument.Parse(show.Stdout).RootElement;
        Assert.Equal(("alice", "Keep customers"), (record.GetProperty("owner").GetString(), record.GetProperty("purpose").GetString()));
        Assert.Equal(["gdpr", "sox"], record.GetProperty("checklists").EnumerateArray().Select(c => c.GetString()));

        var list = await Steward("governance", "list", "--domain", domain);
        Assert.Equal(0, list.ExitCode);
        Assert.Contains(name, list.Stdout, StringComparison.Ordinal);
        Assert.Contains("high (unscored)", list.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_record_without_an_owner_exits_1_and_an_unknown_model_exits_1()
    {
        var name = await NewModelAsync();
        var missing = await Steward("governance", "set", name, "--purpose", "Keep customers");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("'owner'", missing.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, (await Steward("governance", "show", "no-such-model")).ExitCode);
    }

    [Fact]
    public async Task Review_records_a_review_and_reviews_lists_the_schedule()
    {
        var name = await NewModelAsync();
        await Steward("governance", "set", name, "--owner", "alice");
        var review = await Steward("governance", "review", name, "--outcome", "needs_remediation", "--notes", "drift");
        Assert.Equal(0, review.ExitCode);
        Assert.Contains("needs_remediation", review.Stdout, StringComparison.Ordinal);

        var schedule = await Steward("governance", "reviews", "-o", "json");
        var entry = JsonDocument.Parse(schedule.Stdout).RootElement.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("name").GetString() == name);
        Assert.Equal("needs_remediation", entry.GetProperty("lastReview").GetProperty("outcome").GetString());
        var overdue = await Steward("governance", "reviews", "--overdue", "-o", "json");
        Assert.DoesNotContain(name, overdue.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scorecard_file_records_the_factors_and_list_shows_them()
    {
        var name = await NewModelAsync();
        var filed = await Steward("governance", "scorecard", "file", name, "1", "--business-impact", "medium", "--data-quality", "80", "--bias-risk", "medium", "--deployment-frequency", "monthly", "-o", "json");
        Assert.Equal(0, filed.ExitCode);
        Assert.Equal(5, JsonDocument.Parse(filed.Stdout).RootElement.GetProperty("score").GetDecimal());
        var list = await Steward("governance", "scorecard", "list", name, "1");
        Assert.Contains("score 5, tier medium", list.Stdout, StringComparison.Ordinal);
        Assert.Contains("manual", list.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_with_evidence_then_compliance_shows_the_audit_score()
    {
        var name = await NewModelAsync();
        await Steward("governance", "set", name, "--owner", "alice", "--checklist", "sox");
        var answer = await Steward("governance", "answer", name, "1", "sox", "change-control", "--status", "met", "--evidence", "url=https://tickets.example/CHG-1");
        Assert.Equal(0, answer.ExitCode);
        var bad = await Steward("governance", "answer", name, "1", "sox", "no-such-item", "--status", "met");
        Assert.Equal(1, bad.ExitCode);

        var compliance = await Steward("governance", "compliance", name, "1", "-o", "json");
        var json = JsonDocument.Parse(compliance.Stdout).RootElement;
        Assert.Equal((6, 1), (json.GetProperty("required").GetInt32(), json.GetProperty("met").GetInt32()));
    }

    [Fact]
    public async Task Answer_takes_a_unique_prefix_of_a_run_id_in_run_and_artifact_evidence()
    {
        var name = await NewModelAsync();
        var run = await server.Client.CreateRunAsync(null);
        await Steward("governance", "set", name, "--owner", "alice", "--checklist", "sox");
        var answer = await Steward("governance", "answer", name, "1", "sox", "change-control", "--status", "met",
            "--evidence", $"run={run.RunId[..10]}", "--evidence", $"artifact={run.RunId[..10]}/model/MLmodel", "-o", "json");
        Assert.Equal(0, answer.ExitCode);

        var evidence = JsonDocument.Parse(answer.Stdout).RootElement.GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("ref").GetString()).ToList();
        Assert.Equal([run.RunId, $"{run.RunId}/model/MLmodel"], evidence);
    }

    [Fact]
    public async Task Checklists_add_stores_a_template_from_a_file()
    {
        var name = StewardServerFixture.Unique("ai-act");
        var path = Path.Combine(_folder, "ai-act.yaml");
        await File.WriteAllTextAsync(path, $"name: {name}\ntitle: EU AI Act\nitems:\n  - id: logging\n    text: Events are logged (Art. 12).\n");
        var added = await Steward("governance", "checklists", "add", path);
        Assert.Equal(0, added.ExitCode);
        Assert.Contains($"Checklist '{name}' version 1 stored with 1 items.", added.Stdout, StringComparison.Ordinal);
        Assert.Contains(name, (await Steward("governance", "checklists", "list")).Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cards_edit_then_render_writes_html_and_markdown()
    {
        var name = await NewModelAsync();
        var edit = await Steward("cards", "edit", name, "1", "--text", "factors=Age band and region.", "--text", "caveats_and_recommendations=Not for credit.");
        Assert.Equal(0, edit.ExitCode);
        Assert.Contains("revision 1", edit.Stdout, StringComparison.Ordinal);

        var html = Path.Combine(_folder, "card.html");
        Assert.Equal(0, (await Steward("cards", "render", name, "1", "--out", html)).ExitCode);
        Assert.Contains("<h2>Factors</h2>", await File.ReadAllTextAsync(html), StringComparison.Ordinal);
        var markdown = await Steward("cards", "render", name, "1", "--format", "md");
        Assert.Contains("Age band and region.", markdown.Stdout, StringComparison.Ordinal);

        var show = await Steward("cards", "show", name, "1", "-o", "json");
        Assert.Equal(["factors", "caveats_and_recommendations"], JsonDocument.Parse(show.Stdout).RootElement.GetProperty("humanEditedSections").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(1, (await Steward("cards", "edit", name, "1", "--text", "vibes=good")).ExitCode);
        Assert.Equal(1, (await Steward("cards", "show", name, "7")).ExitCode);
    }

    [Fact]
    public async Task Redundancy_prints_json()
    {
        var result = await Steward("governance", "redundancy", "-o", "json");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(0.5, JsonDocument.Parse(result.Stdout).RootElement.GetProperty("threshold").GetDouble());
    }
}
