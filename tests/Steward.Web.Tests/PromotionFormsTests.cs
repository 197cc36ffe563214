using Microsoft.Playwright;
using Steward.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Steward.Web.Tests;

/// <summary>Stages and aliases from the version page, and the gates that hold them back.</summary>
[Collection(WebCollection.Name)]
public sealed class PromotionFormsTests(WebFixture web)
{
    [Fact]
    public async Task A_protected_alias_on_a_version_with_open_gates_is_refused_with_the_steps_that_hold_it()
    {
        var path = await web.NewModelVersionAsync("champion-refused", governed: true);
        var page = await web.PageAsync("remy");
        await page.GotoAsync(path);

        await page.FillAsync("#alias", "champion");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set alias" }).ClickAsync();

        var error = page.GetByTestId("error");
        await Expect(error).ToContainTextAsync("cannot take the protected alias 'champion'");
        await Expect(error).ToContainTextAsync("[1 business-kpi]");
        await Expect(error).ToContainTextAsync("[8 production-approval]");
        await Expect(page.Locator("dt:has-text('Aliases') + dd")).ToHaveTextAsync("—");
    }

    [Fact]
    public async Task A_move_to_staging_with_open_gates_is_refused_and_the_stage_stays()
    {
        var path = await web.NewModelVersionAsync("staging-refused", governed: true);
        var page = await web.PageAsync("remy");
        await page.GotoAsync(path);

        await page.SelectOptionAsync("#stage", "Staging");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move" }).ClickAsync();

        await Expect(page.GetByTestId("error")).ToContainTextAsync("cannot move to Staging");
        await Expect(page.GetByTestId("stage")).ToHaveTextAsync("None");
    }

    [Fact]
    public async Task An_alias_is_set_and_removed_from_the_version_page()
    {
        var path = await web.NewModelVersionAsync("candidate-alias");
        var page = await web.PageAsync("remy");
        await page.GotoAsync(path);
        var aliases = page.Locator("dt:has-text('Aliases') + dd");

        await page.FillAsync("#alias", "candidate");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set alias" }).ClickAsync();
        await Expect(page.GetByTestId("notice")).ToContainTextAsync("Alias set");
        await Expect(aliases).ToHaveTextAsync("@candidate");

        await page.GetByRole(AriaRole.Button, new() { Name = "Remove @candidate" }).ClickAsync();
        await Expect(page.GetByTestId("notice")).ToContainTextAsync("Alias removed");
        await Expect(aliases).ToHaveTextAsync("—");
    }
}
