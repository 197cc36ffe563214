using Steward.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Steward.Web.Tests;

/// <summary>Unknown pages and objects are messages with the right status, never stack traces.</summary>
[Collection(WebCollection.Name)]
public sealed class ErrorPageTests(WebFixture web)
{
    [Fact]
    public async Task An_unknown_page_is_a_404_page()
    {
        var page = await web.PageAsync("alice");
        var response = await page.GotoAsync("/no/such/page");
        Assert.Equal(404, response!.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Page not found");
    }

    [Theory]
    [InlineData("/runs/0123456789abcdef0123456789abcdef")]
    [InlineData("/models/no-such-model")]
    [InlineData("/models/churn-classifier/versions/99")]
    [InlineData("/audits/999999")]
    public async Task An_unknown_object_is_a_message_and_a_404(string path)
    {
        var page = await web.PageAsync("alice");
        var response = await page.GotoAsync(path);
        Assert.Equal(404, response!.Status);
        await Expect(page.GetByTestId("error")).ToBeVisibleAsync();
        await Expect(page.Locator("body")).Not.ToContainTextAsync("Exception");
    }
}
