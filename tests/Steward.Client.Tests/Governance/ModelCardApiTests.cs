using System.Net;
using Steward.ModelAudits;
using Steward.Tests.Support;

namespace Steward.Client.Tests.Governance;

/// <summary>Model cards end to end: filled from the platform, edited in revisions, rendered, checked for completeness.</summary>
public abstract class ModelCardApiTests(GovernanceServerFixture server) : GovernanceTests(server)
{
    private static readonly Dictionary<string, string> PeoplesSections = new()
    {
        ["factors"] = "Age band and region; performance is reported per region.",
        ["ethical_considerations"] = "Retention offers must not be withheld by gender.",
        ["caveats_and_recommendations"] = "Not for credit decisions. Retrain quarterly.",
    };

    [Fact]
    public async Task The_draft_is_filled_from_the_run_the_record_and_the_audits()
    {
        var (name, runId) = await NewModelAsync(1, null, "telco-train");
        await Client.SetGovernanceRecordAsync(name, new SetGovernanceRecordRequest("alice", null, "Keep customers", "Retention offers only", "Customers", "churn"));
        await Server.RecordAuditAsync(name, 1, ModelAuditKind.Fairness, ModelAuditVerdict.Passed);

        var card = await Client.GetModelCardAsync(name, 1);
        Assert.Equal(0, card.Revision);
        Assert.Contains(runId, card.Sections.Single(s => s.Key == "model_details").Facts.Single(f => f.Name == "Source run").Value, StringComparison.Ordinal);
        Assert.Equal("Retention offers only", card.Sections.Single(s => s.Key == "intended_use").Facts.Single(f => f.Name == "Intended use").Value);
        Assert.Equal("auc", card.Sections.Single(s => s.Key == "metrics").Tables.Single().Rows.Single()[0]);
        Assert.Equal("telco-train", card.Sections.Single(s => s.Key == "training_data").Tables.Single().Rows.Single()[0]);
        Assert.Contains("passed", card.Sections.Single(s => s.Key == "quantitative_analyses").Facts.Single(f => f.Name == "Fairness audit").Value, StringComparison.Ordinal);
        Assert.Empty(card.HumanEditedSections);
        Assert.Equal(["factors", "evaluation_data", "ethical_considerations", "caveats_and_recommendations"], card.MissingSections);
    }

    [Fact]
    public async Task Each_edit_is_a_new_revision_with_a_ledger_entry_and_says_which_sections_people_wrote()
    {
        var (name, _) = await NewModelAsync(1, null, "telco-train");
        var first = await Client.EditModelCardAsync(name, 1, new Dictionary<string, string> { ["factors"] = "Age band and region." });
        Assert.Equal((1, "local-admin"), (first.Revision, first.EditedBy));
        Assert.Equal(["factors"], first.HumanEditedSections);
        var second = await Client.EditModelCardAsync(name, 1, new Dictionary<string, string> { ["evaluation_data"] = "Held-out 2025 Q4 customers." }, baseRevision: 1);
        Assert.Equal(2, second.Revision);
        Assert.Equal(["factors", "evaluation_data"], second.HumanEditedSections);
        Assert.Equal("local-admin", second.Sections.Single(s => s.Key == "factors").TextEditedBy);

        Assert.Equal([1, 2], (await Client.ListModelCardRevisionsAsync(name, 1)).Items.Select(r => r.Revision));
        Assert.Equal("Age band and region.", (await Client.GetModelCardAsync(name, 1, revision: 1)).Sections.Single(s => s.Key == "factors").Text);
        Assert.Equal(["model_card.edit", "model_card.edit"], await LedgerActionsAsync($"registered_model/{name}/version/1/card"));
    }

    [Fact]
    public async Task A_card_is_complete_once_people_write_the_sections_only_they_can()
    {
        var (name, _) = await NewModelAsync(1, null, "telco-train");
        await Client.SetGovernanceRecordAsync(name, new SetGovernanceRecordRequest("alice", null, "Keep customers", "Retention offers only"));
        await Server.RecordAuditAsync(name, 1, ModelAuditKind.Evaluation, ModelAuditVerdict.Passed);
        var card = await Client.EditModelCardAsync(name, 1, PeoplesSections);
        Assert.True(card.Complete, string.Join(", ", card.MissingSections));
    }

    [Fact]
    public async Task An_edit_on_a_stale_revision_is_a_409_and_nothing_is_stored()
    {
        var (name, _) = await NewModelAsync();
        await Client.EditModelCardAsync(name, 1, new Dictionary<string, string> { ["factors"] = "a" });
        var error = await Assert.ThrowsAsync<StewardApiException>(() => Client.EditModelCardAsync(name, 1, new Dictionary<string, string> { ["factors"] = "b" }, baseRevision: 0));
        Assert.Contains("is at revision 1, not 0", Refused(HttpStatusCode.Conflict, error).Detail, StringComparison.Ordinal);
        Assert.Single((await Client.ListModelCardRevisionsAsync(name, 1)).Items);
    }

    [Fact]
    public async Task An_unknown_section_is_refused_naming_the_sections()
    {
        var (name, _) = await NewModelAsync();
        var detail = await ProblemAsync(HttpStatusCode.BadRequest, HttpMethod.Put, $"api/v1/governance/models/{name}/versions/1/card", """{"sections":{"vibes":"good"}}""");
        Assert.StartsWith("Unknown model card section 'vibes'; the sections are: model_details, intended_use, factors,", detail, StringComparison.Ordinal);
        Assert.Empty((await Client.ListModelCardRevisionsAsync(name, 1)).Items);
    }

    [Fact]
    public async Task The_card_downloads_as_markdown_and_html()
    {
        var (name, _) = await NewModelAsync();
        await Client.EditModelCardAsync(name, 1, new Dictionary<string, string> { ["ethical_considerations"] = "Offers <b>must</b> not discriminate." });

        var markdown = await Client.RenderModelCardAsync(name, 1, "md");
        Assert.StartsWith($"# Model card: {name.Replace("-", "-", StringComparison.Ordinal)} version 1", markdown.Replace("\\", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("## Ethical considerations", markdown, StringComparison.Ordinal);

        using var response = await Server.Http.GetAsync($"api/v1/governance/models/{name}/versions/1/card/render?format=html");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.DispositionType ?? "", StringComparison.Ordinal);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h2>Ethical considerations</h2>", html, StringComparison.Ordinal);
        Assert.Contains("Offers &lt;b&gt;must&lt;/b&gt; not discriminate.", html, StringComparison.Ordinal);

        await ProblemAsync(HttpStatusCode.BadRequest, HttpMethod.Get, $"api/v1/governance/models/{name}/versions/1/card/render?format=pdf");
    }

    [Fact]
    public async Task The_card_of_an_unknown_version_is_a_404()
    {
        var (name, _) = await NewModelAsync();
        await ProblemAsync(HttpStatusCode.NotFound, HttpMethod.Get, $"api/v1/governance/models/{name}/versions/3/card");
        await ProblemAsync(HttpStatusCode.NotFound, HttpMethod.Get, $"api/v1/governance/models/{name}/versions/1/card?revision=4");
    }
}

public sealed class SqliteModelCardApiTests(GovernanceServerFixture server) : ModelCardApiTests(server), IClassFixture<GovernanceServerFixture>;

public sealed class PostgresModelCardApiTests(PostgresGovernanceServerFixture server) : ModelCardApiTests(server), IClassFixture<PostgresGovernanceServerFixture>;
