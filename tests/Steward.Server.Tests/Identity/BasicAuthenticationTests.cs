using System.Net;
using Steward.Server.Tests.Support;

namespace Steward.Server.Tests.Identity;

/// <summary>HTTP Basic, as MLflow's MLFLOW_TRACKING_USERNAME/PASSWORD send it: the user's password, or one of their tokens.</summary>
public sealed class BasicAuthenticationTests(SecuredServers servers) : IClassFixture<SecuredServers>
{
    private const string Password = "a password long enough";

    [SkippableTheory, Backends]
    public async Task a_user_name_and_password_authenticate_on_the_mlflow_api(Backend backend)
    {
        var server = await servers.For(backend);
        using var alice = await server.NewUserAsync("alice", ["data-scientist"], "risk");
        await alice.Client.SetPasswordAsync(alice.Name, Password);

        using var basic = Caller.Basic(server.Server, alice.Name, Password);
        var mlflow = new MlflowHttp(basic);
        var experimentId = (await mlflow.PostAsync("experiments/create", new { name = $"basic-{Guid.NewGuid():N}" })).Ok().GetProperty("experiment_id").GetString();
        var run = (await mlflow.PostAsync("runs/create", new { experiment_id = experimentId })).Ok();
        Assert.Equal(alice.Name, run.GetProperty("run").GetProperty("info").GetProperty("user_id").GetString());
        Assert.True((await server.Admin.Client.GetUserAsync(alice.Name)).HasPassword);
    }

    [SkippableTheory, Backends]
    public async Task a_token_is_accepted_as_the_password_of_its_own_user_only(Backend backend)
    {
        var server = await servers.For(backend);
        using var bob = await server.NewUserAsync("bob", ["ml-engineer"], "risk");
        using var carol = await server.NewUserAsync("carol", ["ml-engineer"], "risk");

        using var own = Caller.Basic(server.Server, bob.Name, bob.Token);
        (await new MlflowHttp(own).GetAsync("experiments/search?max_results=1")).Ok();

        using var other = Caller.Basic(server.Server, carol.Name, bob.Token);
        var message = (await new MlflowHttp(other).GetAsync("experiments/search?max_results=1")).Error(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
        Assert.Contains("does not belong", message, StringComparison.Ordinal);
    }

    [SkippableTheory, Backends]
    public async Task a_wrong_password_or_an_unknown_user_gets_401(Backend backend)
    {
        var server = await servers.For(backend);
        using var dave = await server.NewUserAsync("dave", ["auditor"]);
        await server.Admin.Client.SetPasswordAsync(dave.Name, Password);
        foreach (var (user, password) in new[] { (dave.Name, Password + "x"), ("nobody-" + Guid.NewGuid().ToString("N")[..6], Password) })
        {
            using var basic = Caller.Basic(server.Server, user, password);
            var response = await basic.GetAsync("/api/v1/me");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Contains("Wrong user name or password", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [SkippableTheory, Backends]
    public async Task a_new_password_replaces_the_old_one_at_once(Backend backend)
    {
        var server = await servers.For(backend);
        using var erin = await server.NewUserAsync("erin", ["auditor"]);
        await erin.Client.SetPasswordAsync(erin.Name, Password);
        using (var old = Caller.Basic(server.Server, erin.Name, Password))
        {
            Assert.Equal(HttpStatusCode.OK, (await old.GetAsync("/api/v1/me")).StatusCode);
            await erin.Client.SetPasswordAsync(erin.Name, Password + " renewed");
            Assert.Equal(HttpStatusCode.Unauthorized, (await old.GetAsync("/api/v1/me")).StatusCode);
        }

        using var renewed = Caller.Basic(server.Server, erin.Name, Password + " renewed");
        Assert.Equal(HttpStatusCode.OK, (await renewed.GetAsync("/api/v1/me")).StatusCode);
    }
}
