using Steward.Web.Tests.Support;

namespace Steward.Web.Tests;

/// <summary>The main pages fit a laptop screen and a wide monitor: nothing runs off the right edge.</summary>
[Collection(WebCollection.Name)]
public sealed class LayoutTests(WebFixture web)
{
    public static TheoryData<int, int> Screens => new() { { 1280, 800 }, { 2560, 1440 } };

    [Theory, MemberData(nameof(Screens))]
    public async Task The_main_pages_need_no_sideways_scrolling(int width, int height)
    {
        var page = await web.PageAsync("admin", width, height);
        string[] paths =
        [
            "/",
            $"/experiments/{web.Seeded.ExperimentId}",
            $"/models/{web.Seeded.Model}/versions/{web.Seeded.Version}",
            $"/audits/{web.Seeded.AuditId}",
            "/ledger",
        ];
        foreach (var path in paths)
        {
            await page.GotoAsync(path);
            var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{path} is {overflow}px wider than a {width}px window");
        }
    }
}
