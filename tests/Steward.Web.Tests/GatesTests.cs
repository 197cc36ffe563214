using Microsoft.Playwright;
using Steward.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Steward.Web.Tests;

/// <summary>Approvals from the version page: the risk manager's closes the approval step; an author's is refused.</summary>
[Collection(WebCollection.Name)]
public sealed class GatesTests(WebFixture web)
{
    [Fact]
    public async Task A_risk_manager_approves_a_version_and_its_approval_step_turns_green()
    {
        var page = await web.PageAsync("rita");
        await page.GotoAsync("/");
        await Expect(page.GetByTestId("waiting")).ToContainTextAsync($"churn-classifier v{web.Seeded.AwaitingRiskApproval}");
        await page.GetByTestId("waiting").GetByRole(AriaRole.Link, new() { Name = $"churn-classifier v{web.Seeded.AwaitingRiskApproval}" }).ClickAsync();

        var step = page.GetByTestId("step-production-approval");
        await Expect(step).ToHaveTextAsync("open");
        await page.FillAsync("#reason", "Scorecard and fairness evidence reviewed.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();

        await Expect(page.GetByTestId("notice")).ToContainTextAsync("approval is recorded");
        await Expect(step).ToHaveTextAsync("done");
        await Expect(step).ToHaveClassAsync("badge pass");
        await Expect(page.GetByTestId("decisions")).ToContainTextAsync("rita");
        await WebFixture.ScreenshotAsync(page, "version-gates");
    }

    [Fact]
    public async Task The_author_of_a_version_is_refused_with_the_reason()
    {
        var page = await web.PageAsync("sam");
        await page.GotoAsync($"/models/{web.Seeded.Model}/versions/{web.Seeded.AuthoredBySam}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();

        await Expect(page.GetByTestId("error")).ToContainTextAsync("is one of its authors");
        await Expect(page.GetByTestId("step-production-approval")).ToHaveTextAsync("open");
        await Expect(page.GetByTestId("decisions")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_reader_sees_no_approve_button()
    {
        var page = await web.PageAsync("audrey");
        await page.GotoAsync($"/models/{web.Seeded.Model}/versions/{web.Seeded.AwaitingRiskApproval}");
        await Expect(page.GetByTestId("lifecycle-steps")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Approve" })).ToHaveCountAsync(0);
    }
}
