using Microsoft.Playwright;
using Steward.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Steward.Web.Tests;

/// <summary>The model page's risk registry entry and periodic reviews.</summary>
[Collection(WebCollection.Name)]
public sealed class RiskRegistryFormsTests(WebFixture web)
{
    [Fact]
    public async Task A_governance_officer_enters_a_model_in_the_risk_registry_with_its_checklists()
    {
        await web.NewModelVersionAsync("entered-in-browser");
        var page = await web.PageAsync("gwen");
        await page.GotoAsync("/models/entered-in-browser");
        await Expect(page.Locator("#gov-h + p")).ToContainTextAsync("Not in the model risk registry yet");

        await page.FillAsync("#owner", "alice");
        await page.FillAsync("#purpose", "Prioritise retention calls.");
        await page.FillAsync("#affected", "Customers on monthly contracts.");
        await page.SelectOptionAsync("#record-status", "active");
        await page.GetByLabel("GDPR").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the entry" }).ClickAsync();

        await Expect(page.GetByTestId("notice")).ToContainTextAsync("Risk registry entry saved");
        var facts = page.Locator("section[aria-labelledby=gov-h] dl");
        await Expect(facts).ToContainTextAsync("alice");
        await Expect(facts).ToContainTextAsync("Prioritise retention calls.");
        await Expect(facts).ToContainTextAsync("gdpr");
    }

    [Fact]
    public async Task A_data_scientist_is_offered_no_registry_form()
    {
        await web.NewModelVersionAsync("registry-read-only", governed: true);
        var page = await web.PageAsync("alice");
        await page.GotoAsync("/models/registry-read-only");

        await Expect(page.Locator("section[aria-labelledby=gov-h] dl")).ToContainTextAsync("alice");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save the entry" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Record the review" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_risk_manager_records_a_review_and_sees_it_listed()
    {
        await web.NewModelVersionAsync("reviewed-in-browser", governed: true);
        var page = await web.PageAsync("rita");
        await page.GotoAsync("/models/reviewed-in-browser");

        await page.SelectOptionAsync("#outcome", "needs_remediation");
        await page.FillAsync("#review-notes", "Recalibrate before the next quarter.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the review" }).ClickAsync();

        await Expect(page.GetByTestId("notice")).ToContainTextAsync("Review recorded");
        var reviews = page.GetByTestId("reviews");
        await Expect(reviews).ToContainTextAsync("rita");
        await Expect(reviews).ToContainTextAsync("needs remediation");
        await Expect(reviews).ToContainTextAsync("Recalibrate before the next quarter.");
    }
}
