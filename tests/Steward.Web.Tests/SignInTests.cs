using Microsoft.Playwright;
using Steward.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Steward.Web.Tests;

/// <summary>Signing in with a token, being refused with a bad one, and signing out.</summary>
[Collection(WebCollection.Name)]
public sealed class SignInTests(WebFixture web)
{
    [Fact]
    public async Task A_visitor_without_a_session_is_sent_to_sign_in_and_returns_to_the_page_asked_for()
    {
        var page = await web.PageAsync();
        await page.GotoAsync("/models");
        Assert.Contains("/signin", page.Url, StringComparison.Ordinal);
        await WebFixture.ScreenshotAsync(page, "sign-in");

        await page.FillAsync("#token", web.Tokens["rita"]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/models", new() { WaitUntil = WaitUntilState.Commit });
        await Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync("rita");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "churn-classifier" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_wrong_token_is_refused_with_a_message()
    {
        var page = await web.PageAsync();
        await page.GotoAsync("/signin");
        await page.FillAsync("#token", "stw_not-a-real-token");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page.GetByTestId("error")).ToContainTextAsync("not valid");
        Assert.Contains("/signin", page.Url, StringComparison.Ordinal);
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "steward-session");
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var page = await web.PageAsync("alice");
        var session = (await page.Context.CookiesAsync()).Single(c => c.Name == "steward-session");
        Assert.True(session.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, session.SameSite);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByTestId("notice")).ToContainTextAsync("signed out");
        await page.GotoAsync("/");
        Assert.Contains("/signin", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_session_cookie_does_not_authenticate_the_api()
    {
        var page = await web.PageAsync("alice");
        var response = await page.APIRequest.GetAsync("/api/v1/me");
        Assert.Equal(401, response.Status);
    }

    [Fact]
    public async Task A_form_post_without_its_antiforgery_token_is_refused()
    {
        var page = await web.PageAsync("alice");
        var response = await page.APIRequest.PostAsync("/signout", new() { Form = page.APIRequest.CreateFormData() });

        Assert.Equal(400, response.Status);
        await page.GotoAsync("/");
        await Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync("alice");
    }

    [Fact]
    public async Task Revoking_the_token_ends_its_session()
    {
        using var admin = new Steward.Client.StewardClient(web.Address, web.Tokens["admin"]);
        var created = await admin.CreateTokenAsync("audrey", "short-lived");
        var page = await web.PageAsync();
        await WebFixture.SignInAsync(page, created.Secret);
        await Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync("audrey");

        await admin.RevokeTokenAsync("audrey", created.Token.Id);
        await page.GotoAsync("/ledger");

        Assert.Contains("/signin", page.Url, StringComparison.Ordinal);
        await Expect(page.Locator("main")).ToContainTextAsync("Your session ended");
    }
}
