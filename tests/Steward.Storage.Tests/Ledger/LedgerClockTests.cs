using Steward.Audit;
using Steward.Storage.Tests.Support;
using Steward.Tracking;

namespace Steward.Storage.Tests.Ledger;

/// <summary>
/// On SQLite, entries are stamped with the clock the storage was opened with
/// (<see cref="StorageOptions.Clock"/>). PostgreSQL stamps them with the database server's clock,
/// under the ledger lock, so that entry times follow the log's order across servers.
/// </summary>
public sealed class LedgerClockTests
{
    [Fact]
    public async Task sqlite_entries_carry_the_injected_clock_s_time_to_the_millisecond()
    {
        var now = new DateTimeOffset(2031, 4, 5, 6, 7, 8, 901, TimeSpan.FromHours(2)).AddTicks(4_321);
        var fixture = new SqliteFixture();
        await fixture.InitializeAsync();
        try
        {
            await using var storage = new AuditedStorage(await StewardStorage.OpenAsync(fixture.Options with { Clock = new FixedClock(now) }, CancellationToken.None));
            await storage.Tracking.CreateExperimentAsync(TestChange.Next(), $"e-{Guid.NewGuid():N}", null, TrackingService.DefaultArtifactRoot, "default", [], 1, CancellationToken.None);
            await storage.Ledger.AppendBatchAsync([new NewAuditEntry("a", "x.y", "r/1", new string('0', 64))], CancellationToken.None);

            var entries = await storage.Ledger.ListEntriesAsync(new AuditEntryQuery(0, null, 10), CancellationToken.None);
            Assert.Equal(2, entries.Count);
            Assert.All(entries, e => Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds()), e.Timestamp));
            Assert.True((await LedgerVerifier.VerifyStoreAsync(storage.Ledger, null, CancellationToken.None)).Ok);
        }
        finally
        {
            await fixture.DisposeAsync();
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
