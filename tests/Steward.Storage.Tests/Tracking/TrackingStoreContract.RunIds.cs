using Steward.Storage.Tests.Support;
using Steward.Tracking;

namespace Steward.Storage.Tests.Tracking;

public abstract partial class TrackingStoreContract
{
    /// <summary>Creates runs whose ids are a fresh 12-digit prefix followed by each suffix (20 hex digits).</summary>
    private async Task<string> RunsWithSharedPrefixAsync(params string[] suffixes)
    {
        var prefix = Guid.NewGuid().ToString("N")[..12];
        var experimentId = await NewExperimentAsync();
        foreach (var suffix in suffixes)
        {
            await Store.CreateRunAsync(TestChange.Next(), new NewRun(prefix + suffix, experimentId, "run", "alice", 0, [new Tag(TrackingService.RunNameTag, "run")]), None);
        }

        return prefix;
    }

    [Fact]
    public async Task run_id_prefix_finds_every_run_starting_with_it_in_order()
    {
        var prefix = await RunsWithSharedPrefixAsync("f0000000000000000002", "00000000000000000001", "f0000000000000000001");
        Assert.Equal(
            [prefix + "00000000000000000001", prefix + "f0000000000000000001", prefix + "f0000000000000000002"],
            await Store.FindRunIdsAsync(prefix, 10, None));
        Assert.Equal([prefix + "f0000000000000000001", prefix + "f0000000000000000002"], await Store.FindRunIdsAsync(prefix + "f", 10, None));
    }

    [Fact]
    public async Task run_id_prefix_ending_in_f_does_not_reach_the_next_prefix()
    {
        var prefix = await RunsWithSharedPrefixAsync("ffff0000000000000000", "fffe0000000000000000");
        Assert.Equal([prefix + "ffff0000000000000000"], await Store.FindRunIdsAsync(prefix + "ffff", 10, None));
    }

    [Fact]
    public async Task run_id_prefix_stops_at_the_limit()
    {
        var prefix = await RunsWithSharedPrefixAsync("00000000000000000001", "00000000000000000002", "00000000000000000003");
        Assert.Equal([prefix + "00000000000000000001", prefix + "00000000000000000002"], await Store.FindRunIdsAsync(prefix, 2, None));
    }

    [Fact]
    public async Task run_id_prefix_matches_deleted_runs_too_and_nothing_else()
    {
        var prefix = await RunsWithSharedPrefixAsync("00000000000000000001");
        await Store.SetRunLifecycleAsync(TestChange.Next(), prefix + "00000000000000000001", LifecycleStage.Deleted, Now, None);
        Assert.Equal([prefix + "00000000000000000001"], await Store.FindRunIdsAsync(prefix, 10, None));
        Assert.Empty(await Store.FindRunIdsAsync(prefix + "1", 10, None));
    }
}
