using System.Net;
using Steward.Client;
using Steward.Server.Tests.Support;

namespace Steward.Server.Tests.Identity;

/// <summary>A refused request is one ledger entry, outcome <c>denied</c>, and changes nothing else.</summary>
public sealed class DenialTests(SecuredServers servers) : IClassFixture<SecuredServers>
{
    [SkippableTheory, Backends]
    public async Task a_request_refused_for_its_domain_is_one_denied_entry_and_changes_nothing(Backend backend)
    {
        var server = await servers.For(backend);
        using var owner = await server.NewUserAsync("owner", ["data-scientist"], "credit");
        using var intruder = await server.NewUserAsync("intruder", ["data-scientist"], "retail");
        var experiment = await owner.Client.CreateExperimentAsync($"guarded-{Guid.NewGuid():N}");
        var before = (await server.Admin.Client.GetLedgerHeadAsync()).TreeSize;

        (await intruder.Mlflow.PostAsync("experiments/update", new { experiment_id = experiment.ExperimentId, new_name = "stolen" }))
            .Error(HttpStatusCode.Forbidden, "PERMISSION_DENIED");

        var entries = (await server.Admin.Client.ListLedgerEntriesAsync(new LedgerEntrySearch { Start = before })).Entries;
        var entry = Assert.Single(entries);
        Assert.Equal((intruder.Name, "auth.denied", $"experiment/{experiment.ExperimentId}", "denied"), (entry.Actor, entry.Action, entry.Resource, entry.Outcome));
        Assert.Equal(experiment with { Tags = experiment.Tags }, await owner.Client.GetExperimentAsync(experiment.ExperimentId) with { Tags = experiment.Tags });
    }

    [SkippableTheory, Backends]
    public async Task a_request_without_credentials_is_counted_in_a_denied_entry_by_anonymous(Backend backend)
    {
        var server = await servers.For(backend);
        await DenialTallyTests.FlushAsync(server.Server);
        var before = (await server.Admin.Client.GetLedgerHeadAsync()).TreeSize;
        var response = await new MlflowHttp(server.Anonymous).PostAsync("experiments/create", new { name = "sneaky" });
        response.Error(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
        await DenialTallyTests.FlushAsync(server.Server);

        var entry = Assert.Single((await server.Admin.Client.ListLedgerEntriesAsync(new LedgerEntrySearch { Start = before })).Entries);
        Assert.Equal(("anonymous", "auth.denied", "denied", 1), (entry.Actor, entry.Action, entry.Outcome, DenialTallyTests.CountOf(entry)));
        Assert.StartsWith("client/127.0.0.1/minute/", entry.Resource, StringComparison.Ordinal);
        var missing = await Assert.ThrowsAsync<StewardApiException>(() => server.Admin.Client.GetExperimentByNameAsync("sneaky"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [SkippableTheory, Backends]
    public async Task a_revoked_token_is_counted_in_its_users_name(Backend backend)
    {
        var server = await servers.For(backend);
        using var alice = await server.NewUserAsync("alice", ["auditor"]);
        var token = Assert.Single(await alice.Client.ListTokensAsync(alice.Name));
        await server.Admin.Client.RevokeTokenAsync(alice.Name, token.Id);
        await DenialTallyTests.FlushAsync(server.Server);
        var before = (await server.Admin.Client.GetLedgerHeadAsync()).TreeSize;

        Assert.Equal(HttpStatusCode.Unauthorized, (await alice.Http.GetAsync("/api/v1/me")).StatusCode);
        await DenialTallyTests.FlushAsync(server.Server);
        var entry = Assert.Single((await server.Admin.Client.ListLedgerEntriesAsync(new LedgerEntrySearch { Start = before })).Entries);
        Assert.Equal((alice.Name, "auth.denied", "denied", 1), (entry.Actor, entry.Action, entry.Outcome, DenialTallyTests.CountOf(entry)));
    }
}
