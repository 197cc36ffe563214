using System.Net;
using System.Text.RegularExpressions;
using Steward.Client;
using Steward.Server.Tests.Support;

namespace Steward.Server.Tests.Replicas;

/// <summary>
/// The web UI behind a load balancer: the keys protecting its session and antiforgery cookies are
/// in the shared database, so a cookie one replica issued is read by the other.
/// </summary>
public sealed partial class SessionAcrossReplicasTests
{
    [PostgresFact]
    public async Task a_session_cookie_issued_by_one_replica_signs_the_user_in_on_the_other()
    {
        await using var replicas = await Support.Replicas.StartAsync();
        var session = await SignInAsync(form: replicas.First, post: replicas.First, replicas.AdminToken);

        using var http = NewHttp(replicas.Second);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/ledger");
        request.Headers.Add("Cookie", $"steward-session={session}");
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"signed-in-as\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task a_form_rendered_by_one_replica_is_accepted_when_posted_to_the_other()
    {
        await using var replicas = await Support.Replicas.StartAsync();

        var session = await SignInAsync(form: replicas.First, post: replicas.Second, replicas.AdminToken);

        Assert.False(string.IsNullOrEmpty(session));
    }

    [PostgresFact]
    public async Task each_cookie_key_the_replicas_create_is_a_ledger_entry()
    {
        await using var replicas = await Support.Replicas.StartAsync();
        await SignInAsync(form: replicas.First, post: replicas.Second, replicas.AdminToken);

        using var admin = new StewardClient(replicas.First.Address, replicas.AdminToken);
        var entries = (await admin.ListLedgerEntriesAsync(new LedgerEntrySearch { Action = "dataprotection.key.created" })).Entries;

        Assert.NotEmpty(entries);
        Assert.All(entries, entry =>
        {
            Assert.StartsWith("dataprotection_key/", entry.Resource, StringComparison.Ordinal);
            Assert.Equal("steward-server", entry.Actor);
        });
    }

    /// <summary>Gets the sign-in form from <paramref name="form"/>, posts it to <paramref name="post"/>; returns the session cookie.</summary>
    private static async Task<string> SignInAsync(StewardServer form, StewardServer post, string token)
    {
        using var formHttp = NewHttp(form);
        using var page = await formHttp.GetAsync("/signin");
        page.EnsureSuccessStatusCode();
        var html = await page.Content.ReadAsStringAsync();
        var antiforgeryCookie = Cookie(page, "steward-antiforgery") ?? throw new InvalidOperationException("the sign-in page set no antiforgery cookie");
        var fields = HiddenInput().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["token"] = token;

        using var postHttp = NewHttp(post);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/signin") { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("Cookie", $"steward-antiforgery={antiforgeryCookie}");
        using var response = await postHttp.SendAsync(request);

        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.OK,
            $"the sign-in post answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return Cookie(response, "steward-session") ?? throw new Xunit.Sdk.XunitException(
            $"the sign-in post ({(int)response.StatusCode}) set no session cookie: {await response.Content.ReadAsStringAsync()}");
    }

    private static HttpClient NewHttp(StewardServer server) =>
        new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(60) };

    private static string? Cookie(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split(';')[0]).Where(v => v.StartsWith(name + "=", StringComparison.Ordinal)).Select(v => v[(name.Length + 1)..]).FirstOrDefault(v => v.Length > 0)
            : null;

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*name=\"(?<name>[^\"]+)\"[^>]*value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInput();
}
