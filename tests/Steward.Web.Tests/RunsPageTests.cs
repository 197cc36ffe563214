using Microsoft.Playwright;
using Steward.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Steward.Web.Tests;

/// <summary>The run table with MLflow's filter syntax, a run's page with its metric charts, and a comparison.</summary>
[Collection(WebCollection.Name)]
public sealed class RunsPageTests(WebFixture web)
{
    [Fact]
    public async Task A_filter_narrows_the_run_table_to_the_matching_runs()
    {
        var page = await web.PageAsync("alice");
        await page.GotoAsync($"/experiments/{web.Seeded.ExperimentId}");
        await Expect(page.GetByTestId("run-table").Locator("tbody tr")).ToHaveCountAsync(3);
        await WebFixture.ScreenshotAsync(page, "run-table");

        await page.FillAsync("#filter", "metrics.auc > 0.8 and params.model != 'logreg'");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();

        var rows = page.GetByTestId("run-table").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("run-table")).Not.ToContainTextAsync("logreg-baseline");
    }

    [Fact]
    public async Task A_column_header_sorts_the_runs()
    {
        var page = await web.PageAsync("alice");
        await page.GotoAsync($"/experiments/{web.Seeded.ExperimentId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "auc", Exact = true }).ClickAsync();

        var names = await page.GetByTestId("run-table").Locator("tbody tr td:nth-child(2)").AllTextContentsAsync();
        Assert.Equal(["lgbm-tuned", "forest", "logreg-baseline"], names.Select(n => n.Trim()));
    }

    [Fact]
    public async Task A_malformed_filter_is_a_message_not_an_error_page()
    {
        var page = await web.PageAsync("alice");
        var response = await page.GotoAsync($"/experiments/{web.Seeded.ExperimentId}?filter=" + Uri.EscapeDataString("metrics.auc >>> 1"));

        Assert.Equal(400, response!.Status);
        await Expect(page.GetByTestId("error")).ToBeVisibleAsync();
        await Expect(page.Locator("body")).Not.ToContainTextAsync("Exception");
    }

    [Fact]
    public async Task A_run_page_draws_the_metric_history_and_previews_an_artifact()
    {
        var page = await web.PageAsync("alice");
        await page.GotoAsync($"/runs/{web.Seeded.Runs["lgbm-tuned"]}");

        var charts = page.GetByTestId("metric-charts");
        await Expect(charts.Locator("svg")).ToHaveCountAsync(2);
        await Expect(charts.Locator("svg").First).ToContainTextAsync("auc");
        await Expect(charts.Locator("svg polyline").First).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "notes.txt" }).ClickAsync();
        await Expect(page.GetByTestId("artifact-preview")).ToContainTextAsync("Telco churn sample");
        await WebFixture.ScreenshotAsync(page, "run-page");

        await page.GetByRole(AriaRole.Link, new() { Name = "wall time" }).ClickAsync();
        await Expect(charts.Locator("svg").First).ToContainTextAsync("time (UTC)");
    }

    [Fact]
    public async Task Two_runs_compare_side_by_side_with_overlaid_charts()
    {
        var page = await web.PageAsync("alice");
        await page.GotoAsync($"/experiments/{web.Seeded.ExperimentId}");
        await page.GetByLabel("Compare lgbm-tuned").CheckAsync();
        await page.GetByLabel("Compare logreg-baseline").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Compare selected runs" }).ClickAsync();

        await Expect(page.GetByTestId("compare-table")).ToContainTextAsync("logreg");
        var auc = page.GetByTestId("compare-charts").Locator("svg").First;
        await Expect(auc.Locator("polyline")).ToHaveCountAsync(2);
        await WebFixture.ScreenshotAsync(page, "compare-runs");
    }

    [Fact]
    public async Task The_keyboard_reaches_the_skip_link_and_the_filter()
    {
        var page = await web.PageAsync("alice");
        await page.GotoAsync($"/experiments/{web.Seeded.ExperimentId}");

        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator(":focus")).ToHaveTextAsync("Skip to content");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#filter").FocusAsync();
        await page.Keyboard.TypeAsync("params.model = 'forest'");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByTestId("run-table").Locator("tbody tr")).ToHaveCountAsync(1);
    }
}
