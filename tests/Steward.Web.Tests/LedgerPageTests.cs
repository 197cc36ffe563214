using Microsoft.Playwright;
using Steward.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Steward.Web.Tests;

/// <summary>An auditor reads and verifies the ledger; a data scientist may not read it.</summary>
[Collection(WebCollection.Name)]
public sealed class LedgerPageTests(WebFixture web)
{
    [Fact]
    public async Task An_auditor_browses_the_ledger_and_verifies_it_with_an_inclusion_proof()
    {
        var page = await web.PageAsync("audrey");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Ledger" }).ClickAsync();
        // The page opens on the latest entries: the seeded work was alice's.
        await Expect(page.GetByTestId("ledger-table")).ToContainTextAsync("alice");
        await WebFixture.ScreenshotAsync(page, "ledger");

        await page.GetByRole(AriaRole.Link, new() { Name = "Verify it" }).ClickAsync();
        await Expect(page.GetByTestId("signed-head")).ToContainTextAsync("valid");
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify the whole ledger" }).ClickAsync();
        await Expect(page.GetByTestId("verify-result")).ToContainTextAsync("Verified");

        await page.FillAsync("#index", "3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Prove inclusion" }).ClickAsync();
        await Expect(page.GetByTestId("proof-result")).ToContainTextAsync("Entry 3 is included");
        await WebFixture.ScreenshotAsync(page, "ledger-verify");
    }

    [Fact]
    public async Task A_resource_history_lists_that_resource_and_what_lies_under_it()
    {
        var page = await web.PageAsync("audrey");
        var resource = $"registered_model/{web.Seeded.Model}";
        await page.GotoAsync("/ledger?resource=" + Uri.EscapeDataString(resource));
        var resources = await page.GetByTestId("ledger-table").Locator("tbody tr td:nth-child(5)").AllTextContentsAsync();
        Assert.NotEmpty(resources);
        Assert.All(resources, r => Assert.True(r.Trim() == resource || r.Trim().StartsWith(resource + "/", StringComparison.Ordinal), r));
        Assert.Contains(resources, r => r.Trim() == resource);
    }

    [Fact]
    public async Task A_data_scientist_is_refused_the_ledger_and_the_refusal_is_an_entry()
    {
        var page = await web.PageAsync("alice");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Ledger", Exact = true })).ToHaveCountAsync(0);
        var response = await page.GotoAsync("/ledger");

        Assert.Equal(403, response!.Status);
        await Expect(page.GetByTestId("error")).ToContainTextAsync("may not read ledger");

        var auditor = await web.PageAsync("audrey");
        await auditor.GotoAsync("/ledger?actor=alice&action=auth.denied");
        await Expect(auditor.GetByTestId("ledger-table")).ToContainTextAsync("denied");
    }
}
