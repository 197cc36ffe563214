using Microsoft.Playwright;
using Steward.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Steward.Web.Tests;

/// <summary>Running fairness, drift and evaluation audits from a version's page, on the server's data sets.</summary>
[Collection(WebCollection.Name)]
public sealed class AuditFormsTests(WebFixture web)
{
    [Fact]
    public async Task A_fairness_audit_run_from_the_version_page_opens_its_report_on_the_filtered_cohort()
    {
        var path = await web.NewModelVersionAsync("fairness-from-page");
        var page = await web.PageAsync("alice");
        await page.GotoAsync(path);

        await page.GetByTestId("run-audit").Locator("summary").ClickAsync();
        await page.FillAsync("#fairness-data", "compas/compas-scores-two-years.csv");
        await page.FillAsync("#fairness-label", "two_year_recid");
        await page.FillAsync("#fairness-score", "decile_score");
        await page.FillAsync("#fairness-threshold", "5");
        await page.FillAsync("#fairness-sensitive", "race");
        await page.FillAsync("#fairness-reference", "Caucasian");
        await page.FillAsync("#fairness-where", "days_b_screening_arrest BETWEEN -30 AND 30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run the fairness audit" }).ClickAsync();

        await page.WaitForURLAsync("**/audits/*", new() { WaitUntil = WaitUntilState.Commit });
        // ProPublica's cohort: 6,172 rows after their screening-date filter.
        await Expect(page.Locator("main")).ToContainTextAsync("6,172");
        await Expect(page.Locator("figure.chart svg").First).ToContainTextAsync("African-American");
        await page.GotoAsync(path);
        await Expect(page.GetByTestId("audit-table")).ToContainTextAsync("fairness");
        await Expect(page.GetByTestId("audit-table")).ToContainTextAsync("alice");
    }

    [Fact]
    public async Task A_drift_audit_run_from_the_version_page_draws_its_histograms()
    {
        var path = await web.NewModelVersionAsync("drift-from-page");
        var page = await web.PageAsync("alice");
        await page.GotoAsync(path);

        await page.GetByTestId("run-audit").Locator("summary").ClickAsync();
        await page.FillAsync("#drift-reference", "telco-longer-contracts.csv");
        await page.FillAsync("#drift-current", "telco-month-to-month.csv");
        await page.FillAsync("#drift-columns", "tenure, MonthlyCharges");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run the drift audit" }).ClickAsync();

        await page.WaitForURLAsync("**/audits/*", new() { WaitUntil = WaitUntilState.Commit });
        await Expect(page.Locator("figure.chart svg").Filter(new() { HasText = "tenure" }).First).ToContainTextAsync("reference");
        await Expect(page.GetByTestId("verdict")).ToHaveTextAsync("Failed");
    }

    [Fact]
    public async Task An_evaluation_below_its_lowest_roc_auc_fails()
    {
        var path = await web.NewModelVersionAsync("evaluation-from-page");
        var page = await web.PageAsync("alice");
        await page.GotoAsync(path);

        await page.GetByTestId("run-audit").Locator("summary").ClickAsync();
        await page.FillAsync("#evaluation-data", "telco_scored.csv");
        await page.FillAsync("#evaluation-label", "Churn");
        await page.FillAsync("#evaluation-score", "score");
        await page.FillAsync("#evaluation-positive", "Yes");
        await page.FillAsync("#evaluation-min-auc", "0.99");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run the evaluation" }).ClickAsync();

        await page.WaitForURLAsync("**/audits/*", new() { WaitUntil = WaitUntilState.Commit });
        await Expect(page.GetByTestId("verdict")).ToHaveTextAsync("Failed");
        await Expect(page.Locator("main")).ToContainTextAsync("rocAuc");
    }

    [Fact]
    public async Task An_audit_naming_a_missing_column_is_refused_with_its_name_and_nothing_is_recorded()
    {
        var path = await web.NewModelVersionAsync("audit-refused");
        var page = await web.PageAsync("alice");
        await page.GotoAsync(path);

        await page.GetByTestId("run-audit").Locator("summary").ClickAsync();
        await page.FillAsync("#fairness-data", "compas/compas-scores-two-years.csv");
        await page.FillAsync("#fairness-label", "no_such_column");
        await page.FillAsync("#fairness-score", "decile_score");
        await page.FillAsync("#fairness-threshold", "5");
        await page.FillAsync("#fairness-sensitive", "race");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run the fairness audit" }).ClickAsync();

        await Expect(page.GetByTestId("error")).ToContainTextAsync("no_such_column");
        await Expect(page.Locator("#audits-h + p")).ToHaveTextAsync("No audits of this version yet.");
    }

    [Fact]
    public async Task A_data_set_outside_the_data_set_folder_is_refused()
    {
        var path = await web.NewModelVersionAsync("audit-outside");
        var page = await web.PageAsync("alice");
        await page.GotoAsync(path);

        await page.GetByTestId("run-audit").Locator("summary").ClickAsync();
        await page.FillAsync("#drift-reference", "../../etc/passwd");
        await page.FillAsync("#drift-current", "telco-month-to-month.csv");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run the drift audit" }).ClickAsync();

        await Expect(page.GetByTestId("error")).ToContainTextAsync("must be inside the server's data-set folder");
    }
}
