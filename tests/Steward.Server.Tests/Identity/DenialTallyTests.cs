using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Steward.Audit;
using Steward.Client;
using Steward.Contracts.Ledger;
using Steward.Identity;
using Steward.Server.Tests.Support;

namespace Steward.Server.Tests.Identity;

/// <summary>
/// Requests refused for their credentials reach the ledger as one entry per client address and
/// minute carrying their count, written after the minute or at shutdown, not one entry each.
/// </summary>
public sealed class DenialTallyTests
{
    /// <summary>The entries <c>auth.denied</c> that tally refused requests, after <paramref name="start"/>.</summary>
    internal static async Task<List<LedgerEntry>> TalliesSinceAsync(StewardClient admin, long start) =>
        [.. (await admin.ListLedgerEntriesAsync(new LedgerEntrySearch { Start = start, MaxResults = 10_000 })).Entries
            .Where(e => e.Action == "auth.denied" && e.Resource.StartsWith("client/", StringComparison.Ordinal))];

    /// <summary>The count a tally entry's resource carries: <c>client/ADDRESS/minute/MINUTE/refused/COUNT</c>.</summary>
    internal static int CountOf(LedgerEntry entry) => int.Parse(entry.Resource.Split('/')[^1], CultureInfo.InvariantCulture);

    /// <summary>Writes what the server has counted so far, as the minute's end would.</summary>
    internal static Task FlushAsync(TestServer server)
    {
        var services = server.Server.Services;
        return services.GetRequiredService<AuthenticationDenials>().FlushAsync(services.GetRequiredService<ILedgerStore>(), everything: true, CancellationToken.None);
    }

    [SkippableTheory, Backends]
    public async Task Two_thousand_requests_without_credentials_make_a_handful_of_entries_with_their_count(Backend backend)
    {
        await using var server = await SecuredServer.StartAsync(backend);
        var before = (await server.Admin.Client.GetLedgerHeadAsync()).TreeSize;

        await Parallel.ForEachAsync(Enumerable.Range(0, 2000), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (_, cancel) =>
        {
            using var response = await server.Anonymous.GetAsync("/api/v1/experiments", cancel);
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
        });
        await server.Server.RestartAsync();
        using var admin = new StewardClient(server.Server.Address, server.AdminToken);

        var tallies = await TalliesSinceAsync(admin, before);
        Assert.InRange(tallies.Count, 1, 3); // one per minute the requests spanned
        Assert.Equal(2000, tallies.Sum(CountOf));
        Assert.All(tallies, t => Assert.Equal(("anonymous", "denied"), (t.Actor, t.Outcome)));
        Assert.All(tallies, t => Assert.StartsWith("client/127.0.0.1/minute/", t.Resource, StringComparison.Ordinal));
    }

    [SkippableTheory, Backends]
    public async Task Nothing_is_written_for_a_refused_request_until_its_minute_is_flushed(Backend backend)
    {
        await using var server = await SecuredServer.StartAsync(backend);
        var before = (await server.Admin.Client.GetLedgerHeadAsync()).TreeSize;

        using var _ = await server.Anonymous.GetAsync("/api/v1/experiments");
        Assert.Empty(await TalliesSinceAsync(server.Admin.Client, before));

        await FlushAsync(server.Server);
        Assert.Equal(1, CountOf(Assert.Single(await TalliesSinceAsync(server.Admin.Client, before))));
    }
}
