using Microsoft.Playwright;
using Steward.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Steward.Web.Tests;

/// <summary>
/// The governance work people do from a version's page: attesting and waiving steps, filing a
/// scorecard, answering compliance checklists. Each test works on a model of its own.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class GovernanceFormsTests(WebFixture web)
{
    [Fact]
    public async Task A_product_manager_attests_the_business_kpi_step_and_it_turns_done()
    {
        var path = await web.NewModelVersionAsync("kpi-attested", governed: true);
        var page = await web.PageAsync("paula");
        await page.GotoAsync(path);
        var step = page.GetByTestId("step-business-kpi");
        await Expect(step).ToHaveTextAsync("open");

        await page.GetByTestId("step-actions-business-kpi").Locator("summary").ClickAsync();
        await page.FillAsync("#link-business-kpi", "https://wiki.example.com/kpi/retention");
        await page.FillAsync("#note-business-kpi", "Churn rate among contacted customers.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Attest" }).ClickAsync();

        await Expect(page.GetByTestId("notice")).ToContainTextAsync("attestation is recorded");
        await Expect(step).ToHaveTextAsync("done");
    }

    [Fact]
    public async Task A_user_offers_only_the_steps_their_role_owns()
    {
        var path = await web.NewModelVersionAsync("kpi-owner-only", governed: true);
        var page = await web.PageAsync("paula");
        await page.GotoAsync(path);

        await Expect(page.GetByTestId("step-actions-business-kpi")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("step-actions-staging-deployment")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("step-actions-feedback")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_release_manager_waives_a_step_with_a_reason_until_a_date()
    {
        var path = await web.NewModelVersionAsync("staging-waived", governed: true);
        var page = await web.PageAsync("remy");
        await page.GotoAsync(path);

        await page.GetByTestId("step-actions-staging-deployment").Locator("summary").ClickAsync();
        await page.FillAsync("#waive-reason-staging-deployment", "Shadow deployment replaces staging for this model.");
        await page.FillAsync("#expires-staging-deployment", DateTime.UtcNow.AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Waive" }).ClickAsync();

        await Expect(page.GetByTestId("notice")).ToContainTextAsync("step is waived");
        await Expect(page.GetByTestId("step-staging-deployment")).ToHaveTextAsync("waived");
        await Expect(page.Locator("tr[data-step=staging-deployment]")).ToContainTextAsync("Waived by remy");
    }

    [Fact]
    public async Task A_waiver_without_a_reason_is_refused_and_the_step_stays_open()
    {
        var path = await web.NewModelVersionAsync("waiver-refused", governed: true);
        var page = await web.PageAsync("remy");
        await page.GotoAsync(path);

        await page.GetByTestId("step-actions-staging-deployment").Locator("summary").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Waive" }).ClickAsync();

        await Expect(page.GetByTestId("error")).ToContainTextAsync("A waiver needs a reason");
        await Expect(page.GetByTestId("step-staging-deployment")).ToHaveTextAsync("open");
    }

    [Fact]
    public async Task A_reader_is_offered_no_governance_forms()
    {
        var path = await web.NewModelVersionAsync("read-only-forms", governed: true, "gdpr");
        var page = await web.PageAsync("audrey");
        await page.GotoAsync(path);

        await Expect(page.GetByTestId("lifecycle-steps")).ToBeVisibleAsync();
        await Expect(page.Locator("details.step-actions")).ToHaveCountAsync(0);
        await Expect(page.Locator("details.item-answer")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Score and file" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Set alias" })).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("run-audit")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_risk_manager_files_a_scorecard_and_sees_its_score_and_tier()
    {
        var path = await web.NewModelVersionAsync("scored-in-browser");
        var page = await web.PageAsync("rita");
        await page.GotoAsync(path);

        // The published churn example: high impact, 95 % data quality, low bias risk, weekly: 3 points, raised to medium.
        await page.SelectOptionAsync("#factor-business_impact", "high");
        await page.FillAsync("#factor-data_quality", "95");
        await page.SelectOptionAsync("#factor-bias_risk", "low");
        await page.SelectOptionAsync("#factor-deployment_frequency", "weekly");
        await page.GetByRole(AriaRole.Button, new() { Name = "Score and file" }).ClickAsync();

        await Expect(page.GetByTestId("notice")).ToContainTextAsync("tier Medium");
        await Expect(page.Locator("p.score")).ToContainTextAsync("Score 3");
        await Expect(page.Locator("p.score")).ToContainTextAsync("raised from Low by business_impact");
    }

    [Fact]
    public async Task A_scorecard_with_a_factor_left_out_is_refused_with_its_name()
    {
        var path = await web.NewModelVersionAsync("scorecard-incomplete");
        var page = await web.PageAsync("rita");
        await page.GotoAsync(path);

        await page.SelectOptionAsync("#factor-business_impact", "low");
        await page.GetByRole(AriaRole.Button, new() { Name = "Score and file" }).ClickAsync();

        await Expect(page.GetByTestId("error")).ToContainTextAsync("data_quality");
        await Expect(page.Locator("#risk-h + p")).ToContainTextAsync("No scorecard filed");
    }

    [Fact]
    public async Task A_governance_officer_answers_a_checklist_item_and_its_status_shows()
    {
        var path = await web.NewModelVersionAsync("gdpr-answered", governed: true, "gdpr");
        var page = await web.PageAsync("gwen");
        await page.GotoAsync(path);
        var row = page.GetByTestId("checklist-gdpr").Locator("tr[data-item=retention]");
        await Expect(row).ToContainTextAsync("unanswered");

        await row.Locator("summary").ClickAsync();
        await row.Locator("select[name=status]").SelectOptionAsync("met");
        await row.Locator("select[name=evidenceKind]").SelectOptionAsync("url");
        await row.Locator("input[name=evidenceReference]").FillAsync("https://wiki.example.com/retention-policy");
        await row.Locator("input[name=note]").FillAsync("Training data kept 24 months.");
        await row.GetByRole(AriaRole.Button, new() { Name = "Save answer" }).ClickAsync();

        await Expect(page.GetByTestId("notice")).ToContainTextAsync("Checklist answer saved");
        await Expect(row).ToContainTextAsync("met");
        await Expect(row).ToContainTextAsync("url: https://wiki.example.com/retention-policy");
        await Expect(row).ToContainTextAsync("gwen");
        await WebFixture.ScreenshotAsync(page, "version-compliance");
    }

    [Fact]
    public async Task Answering_not_applicable_without_a_note_is_refused()
    {
        var path = await web.NewModelVersionAsync("gdpr-refused", governed: true, "gdpr");
        var page = await web.PageAsync("gwen");
        await page.GotoAsync(path);
        var row = page.GetByTestId("checklist-gdpr").Locator("tr[data-item=dpia]");

        await row.Locator("summary").ClickAsync();
        await row.Locator("select[name=status]").SelectOptionAsync("not_applicable");
        await row.GetByRole(AriaRole.Button, new() { Name = "Save answer" }).ClickAsync();

        await Expect(page.GetByTestId("error")).ToContainTextAsync("needs a note saying why it does not apply");
        await Expect(page.GetByTestId("checklist-gdpr").Locator("tr[data-item=dpia]")).ToContainTextAsync("unanswered");
    }
}
