using Steward.Server;
using Steward.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Steward.Web.Tests;

/// <summary>The embedded default: on loopback without --require-tokens, the UI opens as the local admin and says so.</summary>
[Collection(WebCollection.Name)]
public sealed class LocalAdminTests(WebFixture web) : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "steward-web-tests", Guid.NewGuid().ToString("N"));
    private StewardServer? _server;

    public async Task InitializeAsync() =>
        _server = await StewardServer.StartAsync(new StewardServerOptions { Host = "127.0.0.1", Port = 0, DataDirectory = _data }, CancellationToken.None);

    [Fact]
    public async Task A_loopback_server_opens_as_the_local_admin_and_says_so()
    {
        var context = await web.Browser.NewContextAsync(new() { BaseURL = _server!.Address.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        Assert.DoesNotContain("/signin", page.Url, StringComparison.Ordinal);
        await Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync("local-admin");
        await Expect(page.Locator("header")).ToContainTextAsync("no sign-in needed");
        await page.GotoAsync("/signin");
        await Expect(page.GetByTestId("local-admin-note")).ToBeVisibleAsync();
    }

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temp folder; it holds nothing of value.
        }
    }
}
