using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Steward.Client;
using Steward.Contracts.Governance;
using Steward.Contracts.Identity;
using Steward.Server;

namespace Steward.Web.Tests.Support;

/// <summary>
/// One real server (credentials required, on a free loopback port, its own SQLite folder) seeded
/// through the API as its users would, and one headless Debian chromium driven by Playwright,
/// shared by the browser tests.
/// </summary>
public sealed class WebFixture : IAsyncLifetime
{
    /// <summary>Debian's chromium; Playwright drives it and never downloads a browser.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private StewardServer? _server;
    private IPlaywright? _playwright;

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "steward-web-tests", Guid.NewGuid().ToString("N"));

    public Uri Address => _server?.Address ?? throw new InvalidOperationException("The server has not started.");

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>
    /// The tokens of the seeded users: admin, alice (data scientist, author of everything seeded),
    /// rita (risk manager), audrey (auditor), remy (release manager), sam (risk manager and data
    /// scientist), paula (product manager), gwen (governance officer).
    /// </summary>
    public Dictionary<string, string> Tokens { get; } = new(StringComparer.Ordinal);

    public SeededData Seeded { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _server = await StewardServer.StartAsync(
            new StewardServerOptions { Host = "127.0.0.1", Port = 0, DataDirectory = DataDirectory, RequireTokens = true },
            CancellationToken.None);
        Tokens["admin"] = _server.BootstrapAdmin!.Secret;
        Seeded = await SeedAsync();

        // Other test assemblies share the machine's two cores with this one: a page that takes
        // more than Playwright's default 5 s to appear is slow, not wrong.
        Assertions.SetDefaultExpectTimeout(15_000);
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Tests run as root in containers, where chromium's sandbox cannot start.
            Args = ["--no-sandbox"],
        });
    }

    /// <summary>A fresh browser context (no cookies) on a laptop-sized window, optionally signed in through the sign-in page.</summary>
    public async Task<IPage> PageAsync(string? user = null, int width = 1440, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Address.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        var page = await context.NewPageAsync();
        if (user is not null) await SignInAsync(page, Tokens[user]);
        return page;
    }

    public static async Task SignInAsync(IPage page, string token)
    {
        await page.GotoAsync("/signin");
        await page.FillAsync("#token", token);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // Waiting for the commit, then for the layout, rather than for the "load" event: a load
        // event that lands while Playwright's client is between checking and subscribing is
        // missed, and the wait then runs into its timeout on a busy machine.
        await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.GetByTestId("signed-in-as")).ToBeVisibleAsync();
    }

    /// <summary>
    /// A model of its own with one version of alice's forest run, for a test that changes what
    /// it governs; <paramref name="governed"/> enters it in the risk registry (so the gates apply),
    /// with <paramref name="checklists"/> applying.
    /// </summary>
    public async Task<string> NewModelVersionAsync(string model, bool governed = false, params string[] checklists)
    {
        using var admin = new StewardClient(Address, Tokens["admin"]);
        await admin.CreateModelAsync(model);
        await admin.CreateModelVersionAsync(model, "runs:/" + Seeded.Runs["forest"] + "/model", Seeded.Runs["forest"]);
        if (governed) await admin.SetGovernanceRecordAsync(model, new SetGovernanceRecordRequest(Owner: "alice", Domain: "default", Purpose: "Browser tests", Checklists: checklists));
        return $"/models/{model}/versions/1";
    }

    /// <summary>Saves a full-page screenshot in <see cref="RepoPaths.Screenshots"/>.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(RepoPaths.Screenshots);
        // From the top: a full-page shot of a scrolled page draws the sticky table headers where the viewport left them.
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Screenshots, name + ".png"), FullPage = true });
    }

    private async Task<SeededData> SeedAsync()
    {
        using var admin = new StewardClient(Address, Tokens["admin"]);
        await admin.CreateUserAsync("alice", ["data-scientist"], ["default"], "Alice Martin");
        await admin.CreateUserAsync("rita", ["risk-manager"], ["default"], "Rita Osei");
        await admin.CreateUserAsync("audrey", ["auditor"], null, "Audrey Klein");
        await admin.CreateUserAsync("remy", ["release-manager"], ["default"], "Remy Dubois");
        // A risk manager who also builds models: an approver by role, refused on what she authored.
        await admin.CreateUserAsync("sam", ["risk-manager", "data-scientist"], ["default"], "Sam Okafor");
        await admin.CreateUserAsync("paula", ["product-manager"], ["default"], "Paula Reyes");
        await admin.CreateUserAsync("gwen", ["governance-officer"], ["default"], "Gwen Adler");
        foreach (var user in new[] { "alice", "rita", "audrey", "remy", "sam", "paula", "gwen" })
            Tokens[user] = (await admin.CreateTokenAsync(user, "browser-tests")).Secret;

        // Everything below is alice's work: she is the author the separation of duties is about.
        using var alice = new StewardClient(Address, Tokens["alice"]);
        var experiment = await alice.CreateExperimentAsync("churn-web");
        var runs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, model, final) in new[] { ("lgbm-tuned", "lgbm", 0.86), ("logreg-baseline", "logreg", 0.74), ("forest", "forest", 0.81) })
        {
            var run = await alice.CreateRunAsync(experiment.ExperimentId, name);
            await alice.LogParamAsync(run.RunId, "model", model);
            await alice.LogParamAsync(run.RunId, "learning_rate", "0.05");
            for (var step = 0; step < 20; step++)
            {
                // Rises towards the final value, as a training curve does.
                await alice.LogMetricAsync(run.RunId, "auc", Math.Round(0.5 + (final - 0.5) * (1 - Math.Exp(-step / 4.0)), 4), step);
                await alice.LogMetricAsync(run.RunId, "loss", Math.Round(0.7 * Math.Exp(-step / 6.0) + 0.2, 4), step);
            }
            await alice.EndRunAsync(run.RunId);
            runs[name] = run.RunId;
        }

        await using (var notes = new MemoryStream("Trained on the Telco churn sample.\nAUC 0.86 on the hold-out set.\n"u8.ToArray()))
            await alice.UploadArtifactAsync(runs["lgbm-tuned"], "notes.txt", notes);

        await alice.CreateModelAsync("churn-classifier", "Predicts which customers will leave.");
        var version = await alice.CreateModelVersionAsync("churn-classifier", "runs:/" + runs["lgbm-tuned"] + "/model", runs["lgbm-tuned"]);

        // A fairness audit on COMPAS: the audit page draws its per-group bars.
        var folder = Path.Combine(DataDirectory, "datasets", "compas");
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(RepoPaths.DataSets, "compas", "compas-scores-two-years.csv"), Path.Combine(folder, "compas-scores-two-years.csv"), overwrite: true);
        using var http = new HttpClient { BaseAddress = Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens["alice"]);
        var response = await http.PostAsJsonAsync($"/api/v1/models/churn-classifier/versions/{version.Version}/audits", new
        {
            kind = "fairness",
            data = "compas/compas-scores-two-years.csv",
            label = "two_year_recid",
            score = "decile_score",
            threshold = 5,
            sensitive = new[] { "race" },
            referenceGroup = new[] { "Caucasian" },
            bootstrap = 0,
        });
        response.EnsureSuccessStatusCode();
        var auditId = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetInt64();

        // An evaluation of Telco churn scores, and the drift between Telco's longer contracts and its month-to-month ones.
        File.Copy(Path.Combine(RepoPaths.Root, "tests", "Steward.Stats.Tests", "Reference", "telco_scored.csv"), Path.Combine(DataDirectory, "datasets", "telco_scored.csv"), overwrite: true);
        var evaluationId = await AuditAsync(http, version.Version, new { kind = "evaluation", data = "telco_scored.csv", label = "Churn", positive = "Yes", score = "score" });
        SplitTelcoByContract();
        var driftId = await AuditAsync(http, version.Version, new
        {
            kind = "drift",
            reference = "telco-longer-contracts.csv",
            current = "telco-month-to-month.csv",
            columns = new[] { "tenure", "MonthlyCharges", "InternetService" },
        });

        // Version 2 awaits its approvals at medium risk, the release manager's already given;
        // version 3 is sam's. Entering the risk registry puts the model under the gates.
        var second = await alice.CreateModelVersionAsync("churn-classifier", "runs:/" + runs["forest"] + "/model", runs["forest"]);
        using var sam = new StewardClient(Address, Tokens["sam"]);
        var third = await sam.CreateModelVersionAsync("churn-classifier", "runs:/" + runs["logreg-baseline"] + "/model", runs["logreg-baseline"]);
        await admin.SetGovernanceRecordAsync("churn-classifier", new SetGovernanceRecordRequest(Owner: "alice", Domain: "default", Purpose: "Retention offers"));
        await admin.FileScorecardAsync("churn-classifier", second.Version, new Dictionary<string, string>
        {
            ["business_impact"] = "medium",
            ["data_quality"] = "85",
            ["bias_risk"] = "low",
            ["deployment_frequency"] = "monthly",
        });
        using var remy = new StewardClient(Address, Tokens["remy"]);
        await remy.DecideAsync("churn-classifier", second.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), "approved", "Release plan checked.");
        return new SeededData(experiment.ExperimentId, runs, "churn-classifier", version.Version, auditId, evaluationId, driftId, second.Version, third.Version);
    }

    private static async Task<long> AuditAsync(HttpClient http, int version, object request)
    {
        var response = await http.PostAsJsonAsync($"/api/v1/models/churn-classifier/versions/{version}/audits", request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetInt64();
    }

    /// <summary>Telco's customers on one- and two-year contracts as the reference, month-to-month ones as the current data.</summary>
    private void SplitTelcoByContract()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.DataSets, "telco-churn", "telco-customer-churn.csv"));
        var contract = Array.IndexOf(lines[0].Split(','), "Contract");
        var rows = lines.Skip(1).ToLookup(line => line.Split(',')[contract] == "Month-to-month");
        File.WriteAllLines(Path.Combine(DataDirectory, "datasets", "telco-longer-contracts.csv"), rows[false].Prepend(lines[0]));
        File.WriteAllLines(Path.Combine(DataDirectory, "datasets", "telco-month-to-month.csv"), rows[true].Prepend(lines[0]));
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file the OS still holds stays in the temp folder; it holds nothing of value.
        }
    }
}

/// <summary>What the fixture created: ids the tests navigate to.</summary>
public sealed record SeededData(
    string ExperimentId, IReadOnlyDictionary<string, string> Runs, string Model, int Version, long AuditId, long EvaluationAuditId, long DriftAuditId,
    int AwaitingRiskApproval, int AuthoredBySam);

[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<WebFixture>
{
    public const string Name = "web";
}
