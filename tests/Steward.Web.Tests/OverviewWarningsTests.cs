using Steward.Client;
using Steward.Contracts.Governance;
using Steward.Contracts.Registry;
using Steward.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Steward.Web.Tests;

/// <summary>The overview warns of a risk registry record still in draft while its model has a version in Production.</summary>
[Collection(WebCollection.Name)]
public sealed class OverviewWarningsTests(WebFixture web)
{
    [Fact]
    public async Task The_overview_warns_of_a_draft_record_whose_model_is_in_production_until_it_is_active()
    {
        await web.NewModelVersionAsync("draft-in-production");
        using var admin = new StewardClient(web.Address, web.Tokens["admin"]);
        // Into Production before the model enters the registry, so no gate stands in the way.
        await admin.TransitionStageAsync("draft-in-production", 1, ModelStage.Production);
        await admin.SetGovernanceRecordAsync("draft-in-production", new SetGovernanceRecordRequest(Owner: "alice"));

        var page = await web.PageAsync("rita");
        await page.GotoAsync("/");
        await Expect(page.GetByTestId("record-warnings")).ToContainTextAsync("draft-in-production — status is draft while version 1 is in Production");

        await admin.SetGovernanceRecordAsync("draft-in-production", new SetGovernanceRecordRequest(Status: "active"));
        await page.GotoAsync("/");
        await Expect(page.GetByTestId("stage-matrix")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("record-warnings").Locator("li", new() { HasText = "draft-in-production" })).ToHaveCountAsync(0);
    }
}
