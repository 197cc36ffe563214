using System.Net;
using Steward.Identity;
using Steward.Server.Tests.Support;

namespace Steward.Server.Tests.Identity;

/// <summary>
/// Wrong passwords for one user name hold back password checks for that name, from every address,
/// but never the user's tokens, nor a password this server verified moments ago. The server's
/// clock is held still through each test: ten slow password hashes on a busy machine must not
/// outlast the windows the test is about.
/// </summary>
public sealed class PasswordThrottleTests
{
    private const string Password = "the right password, long enough";

    private static async Task<(SecuredServer Server, Caller User)> UserWithPasswordAsync(Backend backend)
    {
        var server = await SecuredServer.StartAsync(backend, options => options with { TrustedProxies = ["127.0.0.1"] });
        var user = await server.NewUserAsync("pat", ["auditor"]);
        await server.Admin.Client.SetPasswordAsync(user.Name, Password);
        return (server, user);
    }

    private static async Task<HttpStatusCode> BasicAsync(TestServer server, string user, string password, string forwardedFor)
    {
        using var http = Caller.Basic(server, user, password);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task GuessAsync(TestServer server, string user)
    {
        for (var i = 0; i < FailedAuthenticationThrottle.MaxFailuresPerUser; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await BasicAsync(server, user, $"guess {i}", $"203.0.113.{i + 1}"));
        }
    }

    [SkippableTheory, Backends]
    public async Task Wrong_passwords_from_many_addresses_delay_the_users_password_but_not_its_token(Backend backend)
    {
        var (server, user) = await UserWithPasswordAsync(backend);
        await using var _ = server;
        using var __ = user;
        using var still = server.Clock.Hold();
        await GuessAsync(server.Server, user.Name);

        Assert.Equal(HttpStatusCode.TooManyRequests, await BasicAsync(server.Server, user.Name, Password, "198.51.100.7"));
        Assert.Equal(HttpStatusCode.OK, (await user.Http.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, await BasicAsync(server.Server, user.Name, user.Token, "198.51.100.7"));
    }

    [SkippableTheory, Backends]
    public async Task A_password_verified_moments_ago_still_gets_in_while_its_user_name_is_held_back(Backend backend)
    {
        var (server, user) = await UserWithPasswordAsync(backend);
        await using var _ = server;
        using var __ = user;
        using var still = server.Clock.Hold();
        Assert.Equal(HttpStatusCode.OK, await BasicAsync(server.Server, user.Name, Password, "198.51.100.7"));
        await GuessAsync(server.Server, user.Name);

        Assert.Equal(HttpStatusCode.OK, await BasicAsync(server.Server, user.Name, Password, "198.51.100.7"));
    }

    [SkippableTheory, Backends]
    public async Task Another_users_password_is_checked_as_usual(Backend backend)
    {
        var (server, user) = await UserWithPasswordAsync(backend);
        await using var _ = server;
        using var __ = user;
        using var still = server.Clock.Hold();
        using var other = await server.NewUserAsync("quinn", ["auditor"]);
        await server.Admin.Client.SetPasswordAsync(other.Name, Password);
        await GuessAsync(server.Server, user.Name);

        Assert.Equal(HttpStatusCode.OK, await BasicAsync(server.Server, other.Name, Password, "198.51.100.7"));
    }
}
