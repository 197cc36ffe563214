using Steward.Client;
using Steward.Server.Tests.Support;

namespace Steward.Server.Tests.Audit;

/// <summary>The SDK's <see cref="LedgerEntrySearch.Since"/> and <see cref="LedgerEntrySearch.Until"/> reach the API's time filters.</summary>
public sealed class LedgerTimeFilterTests(ApiServers servers) : ApiTests(servers)
{
    [SkippableTheory, Backends]
    public async Task since_keeps_entries_at_or_after_the_time_and_until_those_before_it(Backend backend)
    {
        var server = await ServerAsync(backend);
        using var client = new StewardClient(server.Address);
        var experiment = await client.CreateExperimentAsync(Unique("since"));
        for (var i = 0; i < 3; i++)
        {
            await Task.Delay(20); // distinct milliseconds
            await client.SetExperimentTagAsync(experiment.ExperimentId, $"k{i}", "v");
        }

        var all = (await client.ListLedgerEntriesAsync(new LedgerEntrySearch { Resource = $"experiment/{experiment.ExperimentId}" })).Entries;
        Assert.Equal(4, all.Count);
        var cut = DateTimeOffset.Parse(all[2].Timestamp, System.Globalization.CultureInfo.InvariantCulture);

        var since = await client.ListLedgerEntriesAsync(new LedgerEntrySearch { Resource = $"experiment/{experiment.ExperimentId}", Since = cut });
        var until = await client.ListLedgerEntriesAsync(new LedgerEntrySearch { Resource = $"experiment/{experiment.ExperimentId}", Until = cut });

        Assert.Equal(all.Where(e => string.CompareOrdinal(e.Timestamp, all[2].Timestamp) >= 0).Select(e => e.Index), since.Entries.Select(e => e.Index));
        Assert.Equal(all.Where(e => string.CompareOrdinal(e.Timestamp, all[2].Timestamp) < 0).Select(e => e.Index), until.Entries.Select(e => e.Index));
        Assert.NotEmpty(since.Entries);
        Assert.NotEmpty(until.Entries);
    }
}
