using System.Net;
using System.Text.RegularExpressions;
using Steward.Identity;
using Steward.Server.Tests.Support;

namespace Steward.Server.Tests.Identity;

/// <summary>The web UI's sign-in form is held to the API's throttle: wrong tokens get 429 after a while, a valid one still signs in.</summary>
public sealed partial class SignInThrottleTests
{
    /// <summary>A browser-like client: keeps cookies, and posts the sign-in form with its antiforgery token.</summary>
    private sealed class SignInForm(TestServer server) : IDisposable
    {
        private readonly HttpClient _http = new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = server.Address };

        public async Task<HttpResponseMessage> PostAsync(string token)
        {
            var page = await _http.GetStringAsync("/signin");
            var antiforgery = AntiforgeryField().Match(page).Groups["value"].Value;
            return await _http.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "signin",
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(antiforgery),
                ["token"] = token,
            }));
        }

        public void Dispose() => _http.Dispose();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<value>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [SkippableTheory, Backends]
    public async Task Wrong_tokens_on_the_sign_in_form_are_answered_429_after_the_limit(Backend backend)
    {
        await using var server = await SecuredServer.StartAsync(backend);
        using var form = new SignInForm(server.Server);
        for (var i = 0; i < FailedAuthenticationThrottle.MaxFailuresPerAddress; i++)
        {
            using var refused = await form.PostAsync($"stw_wrong-{i}");
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using var throttled = await form.PostAsync("stw_one-more-guess");
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Contains("Too many failed sign-ins from this address", await throttled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SkippableTheory, Backends]
    public async Task A_valid_token_signs_in_from_an_address_the_form_throttles(Backend backend)
    {
        await using var server = await SecuredServer.StartAsync(backend);
        using var form = new SignInForm(server.Server);
        for (var i = 0; i <= FailedAuthenticationThrottle.MaxFailuresPerAddress; i++)
        {
            using var _ = await form.PostAsync($"stw_wrong-{i}");
        }

        using var signedIn = await form.PostAsync(server.AdminToken);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }
}
