using Microsoft.Playwright;
using Steward.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Steward.Web.Tests;

/// <summary>The registry list, a version's page and its fairness audit.</summary>
[Collection(WebCollection.Name)]
public sealed class ModelPagesTests(WebFixture web)
{
    [Fact]
    public async Task The_overview_counts_versions_by_stage_and_shows_the_failing_audit()
    {
        var page = await web.PageAsync("rita");
        await page.GotoAsync("/");
        await Expect(page.GetByTestId("stage-matrix")).ToContainTextAsync("default");
        await Expect(page.GetByTestId("failing-audits")).ToContainTextAsync("churn-classifier");
        await WebFixture.ScreenshotAsync(page, "overview");
    }

    [Fact]
    public async Task A_version_page_shows_its_audits_and_model_card()
    {
        var page = await web.PageAsync("rita");
        await page.GotoAsync("/models");
        await page.GetByRole(AriaRole.Link, new() { Name = "churn-classifier" }).ClickAsync();
        await Expect(page.GetByTestId("version-table")).ToContainTextAsync("Version 1");
        await page.GetByRole(AriaRole.Link, new() { Name = "Version 1" }).ClickAsync();

        await Expect(page.GetByTestId("audit-table")).ToContainTextAsync("fairness");
        await Expect(page.Locator("#card-h")).ToBeVisibleAsync();
        await WebFixture.ScreenshotAsync(page, "model-version");
    }

    [Fact]
    public async Task A_fairness_audit_draws_per_group_bars_with_the_threshold_line()
    {
        var page = await web.PageAsync("rita");
        await page.GotoAsync($"/audits/{web.Seeded.AuditId}");

        var charts = page.Locator("figure.chart svg");
        Assert.True(await charts.CountAsync() >= 1);
        await Expect(charts.First).ToContainTextAsync("African-American");
        await Expect(page.Locator("figure.chart svg").Filter(new() { HasText = "four-fifths" }).First).ToBeVisibleAsync();
        await WebFixture.ScreenshotAsync(page, "fairness-audit");
    }

    [Fact]
    public async Task The_author_edits_the_model_card_and_the_edit_names_her()
    {
        var page = await web.PageAsync("alice");
        await page.GotoAsync($"/models/{web.Seeded.Model}/versions/{web.Seeded.Version}");
        await page.GetByText("Edit the text people write").ClickAsync();
        await page.FillAsync("#card-intended_use", "Retention offers for consumer customers; not for credit decisions.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save a new revision" }).ClickAsync();

        await Expect(page.GetByTestId("notice")).ToContainTextAsync("saved");
        await Expect(page.Locator("blockquote.human").Filter(new() { HasText = "Retention offers" })).ToContainTextAsync("alice");
    }

    [Fact]
    public async Task Model_card_text_renders_as_markdown_and_a_script_in_it_stays_text()
    {
        var page = await web.PageAsync("alice");
        await page.GotoAsync($"/models/{web.Seeded.Model}/versions/{web.Seeded.Version}");
        await page.GetByText("Edit the text people write").ClickAsync();
        await page.FillAsync("#card-caveats_and_recommendations",
            "### Known limits\n\nRetrain *quarterly*:\n\n- **seasonal** churn\n- new plans\n\n<script>document.title = 'owned'</script>");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save a new revision" }).ClickAsync();

        await Expect(page.GetByTestId("notice")).ToContainTextAsync("saved");
        var text = page.Locator("blockquote.human").Filter(new() { HasText = "Known limits" });
        await Expect(text.Locator("h3")).ToHaveTextAsync("Known limits");
        await Expect(text.Locator("em")).ToHaveTextAsync("quarterly");
        await Expect(text.Locator("li")).ToHaveCountAsync(2);
        await Expect(text.Locator("li strong")).ToHaveTextAsync("seasonal");
        await Expect(text.Locator("script")).ToHaveCountAsync(0);
        await Expect(text).ToContainTextAsync("<script>document.title = 'owned'</script>");
        Assert.NotEqual("owned", await page.TitleAsync());
    }

    [Fact]
    public async Task A_drift_audit_draws_reference_and_current_histograms()
    {
        var page = await web.PageAsync("rita");
        await page.GotoAsync($"/audits/{web.Seeded.DriftAuditId}");

        var tenure = page.Locator("figure.chart svg").Filter(new() { HasText = "tenure" }).First;
        await Expect(tenure).ToContainTextAsync("reference");
        await Expect(tenure).ToContainTextAsync("current");
        await Expect(page.GetByTestId("verdict")).ToHaveTextAsync("Failed");
        await WebFixture.ScreenshotAsync(page, "drift-audit");
    }

    [Fact]
    public async Task An_evaluation_audit_draws_its_roc_and_calibration_curves()
    {
        var page = await web.PageAsync("rita");
        await page.GotoAsync($"/audits/{web.Seeded.EvaluationAuditId}");

        await Expect(page.Locator("figure.chart svg").Filter(new() { HasText = "ROC curve" })).ToHaveCountAsync(1);
        await Expect(page.Locator("figure.chart svg").Filter(new() { HasText = "Calibration curve" })).ToHaveCountAsync(1);
        await WebFixture.ScreenshotAsync(page, "evaluation-audit");
    }
}
