using System.Net;
using Steward.ModelAudits;
using Steward.Tests.Support;

namespace Steward.Client.Tests.Governance;

/// <summary>Compliance checklists end to end: templates, answers with evidence, completion and audit score.</summary>
public abstract class ChecklistApiTests(GovernanceServerFixture server) : GovernanceTests(server)
{
    [Fact]
    public async Task GDPR_CCPA_and_SOX_are_listed()
    {
        var names = (await Client.ListChecklistsAsync()).Items.Select(t => t.Name).ToList();
        Assert.Contains("gdpr", names);
        Assert.Contains("ccpa", names);
        Assert.Contains("sox", names);
        Assert.Contains((await Client.GetChecklistAsync("sox")).Items, i => i.Id == "change-control");
    }

    [Fact]
    public async Task Completion_is_items_met_over_items_required()
    {
        var name = await GovernedModelAsync("emea", "gdpr");
        var (_, runId) = (name, (await Client.GetModelVersionAsync(name, 1)).RunId!);
        var audit = await Server.RecordAuditAsync(name, 1, ModelAuditKind.Fairness, ModelAuditVerdict.Passed);

        await Client.AnswerChecklistItemAsync(name, 1, "gdpr", "lawful-basis", "met", [new EvidenceLink("url", "https://wiki.example/ropa/churn")]);
        await Client.AnswerChecklistItemAsync(name, 1, "gdpr", "dpia", "met", [new EvidenceLink("artifact", $"{runId}/dpia.pdf"), new EvidenceLink("run", runId)]);
        await Client.AnswerChecklistItemAsync(name, 1, "gdpr", "right-to-explanation", "met", [new EvidenceLink("audit", audit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        await Client.AnswerChecklistItemAsync(name, 1, "gdpr", "special-categories", "not_applicable", note: "No special-category data in the feature set.");
        await Client.AnswerChecklistItemAsync(name, 1, "gdpr", "retention", "not_met");

        var compliance = await Client.GetComplianceAsync(name, 1);
        var gdpr = Assert.Single(compliance.Checklists);
        // GDPR ships 8 required items; one answered not_applicable leaves 7, of which 3 are met.
        Assert.Equal((7, 3, true), (gdpr.Required, gdpr.Met, gdpr.Applies));
        Assert.Equal(3.0 / 7.0, compliance.AuditScore!.Value, 12);
        Assert.False(compliance.Complete);
        Assert.Equal("not_applicable", gdpr.Items.Single(i => i.Id == "special-categories").Status);
        Assert.Equal("unanswered", gdpr.Items.Single(i => i.Id == "human-review").Status);
        Assert.Equal(5, (await LedgerActionsAsync($"registered_model/{name}/version/1/checklist")).Count(a => a == "checklist.answer"));
    }

    [Fact]
    public async Task Every_required_item_met_makes_the_version_complete()
    {
        var name = await GovernedModelAsync("emea", "sox");
        foreach (var item in (await Client.GetChecklistAsync("sox")).Items)
            await Client.AnswerChecklistItemAsync(name, 1, "sox", item.Id, "met", [new EvidenceLink("url", $"https://controls.example/{item.Id}")]);
        var compliance = await Client.GetComplianceAsync(name, 1);
        Assert.True(compliance.Complete);
        Assert.Equal(1.0, compliance.AuditScore);
    }

    [Theory]
    [InlineData("hipaa", "dpia", """{"status":"met"}""", HttpStatusCode.NotFound, "Unknown checklist 'hipaa'; known checklists: ")]
    [InlineData("gdpr", "vibes", """{"status":"met"}""", HttpStatusCode.NotFound, "Checklist 'gdpr' has no item 'vibes'; its items: lawful-basis, special-categories, dpia, data-minimisation, retention, right-to-explanation, human-review, data-subject-rights.")]
    [InlineData("gdpr", "dpia", """{"status":"done"}""", HttpStatusCode.BadRequest, "Invalid value 'done' for 'status': expected met, not_met or not_applicable.")]
    [InlineData("gdpr", "dpia", """{"status":"met"}""", HttpStatusCode.BadRequest, "Item 'dpia' of checklist 'gdpr' can be answered met only with at least one evidence link (url, run, artifact or audit).")]
    [InlineData("gdpr", "dpia", """{"status":"not_applicable"}""", HttpStatusCode.BadRequest, "Answering item 'dpia' not_applicable needs a note saying why it does not apply.")]
    [InlineData("gdpr", "dpia", """{"status":"met","evidence":[{"kind":"url","ref":"ftp://x/y"}]}""", HttpStatusCode.BadRequest, "Evidence URL 'ftp://x/y' must be an absolute http or https URL.")]
    [InlineData("gdpr", "dpia", """{"status":"met","evidence":[{"kind":"run","ref":"deadbeef"}]}""", HttpStatusCode.BadRequest, "Evidence 'deadbeef' names run deadbeef, which does not exist.")]
    [InlineData("gdpr", "dpia", """{"status":"met","evidence":[{"kind":"audit","ref":"999999"}]}""", HttpStatusCode.BadRequest, "Evidence audit 999999 is not an audit of model '{name}'.")]
    [InlineData("gdpr", "dpia", """{"status":"met","evidence":[{"kind":"email","ref":"x"}]}""", HttpStatusCode.BadRequest, "Invalid evidence kind 'email': expected url, run, artifact or audit.")]
    public async Task Bad_answers_are_refused_naming_the_problem_and_nothing_changes(string checklist, string item, string body, HttpStatusCode status, string expected)
    {
        var name = await GovernedModelAsync("emea", "gdpr");
        var detail = await ProblemAsync(status, HttpMethod.Put, $"api/v1/governance/models/{name}/versions/1/checklists/{checklist}/items/{item}", body);
        Assert.StartsWith(expected.Replace("{name}", name, StringComparison.Ordinal), detail, StringComparison.Ordinal);
        Assert.All((await Client.GetComplianceAsync(name, 1)).Checklists.Single().Items, i => Assert.Equal("unanswered", i.Status));
    }

    [Fact]
    public async Task An_added_template_is_answerable_and_a_malformed_one_is_refused()
    {
        var name = StewardServerFixture.Unique("ai-act");
        var error = await Assert.ThrowsAsync<StewardApiException>(() => Client.AddChecklistAsync($"name: {name}\nitems: []\n"));
        Assert.Contains("items (line 2): must list at least one item", Refused(HttpStatusCode.BadRequest, error).Detail, StringComparison.Ordinal);

        var added = await Client.AddChecklistAsync($"""
            name: {name}
            title: EU AI Act
            items:
              - id: risk-management
                text: A risk management system is established (Art. 9).
            """);
        Assert.Equal((1, 1), (added.Version, added.Items.Count));
        Assert.Contains(name, (await Client.ListChecklistsAsync()).Items.Select(t => t.Name));
        var model = await GovernedModelAsync("emea", name);
        await Client.AnswerChecklistItemAsync(model, 1, name, "risk-management", "met", [new EvidenceLink("url", "https://risk.example/rms")]);
        Assert.True((await Client.GetComplianceAsync(model, 1)).Complete);
    }

    [Fact]
    public async Task Compliance_of_an_unknown_version_is_a_404()
    {
        var name = await GovernedModelAsync("emea", "gdpr");
        await ProblemAsync(HttpStatusCode.NotFound, HttpMethod.Get, $"api/v1/governance/models/{name}/versions/5/compliance");
    }
}

public sealed class SqliteChecklistApiTests(GovernanceServerFixture server) : ChecklistApiTests(server), IClassFixture<GovernanceServerFixture>;

public sealed class PostgresChecklistApiTests(PostgresGovernanceServerFixture server) : ChecklistApiTests(server), IClassFixture<PostgresGovernanceServerFixture>;
