using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Steward.Audit;
using Steward.Audit.Heads;

namespace Steward.Server.Ledger;

/// <summary>
/// Signs and stores a tree head on the server's own schedule (<see cref="HeadSchedule"/>), so
/// that a rewrite of stored entries is caught against a signed head even if nobody asked for
/// one. Each check is one read of the ledger state; replicas each run it, and a head of a size
/// already signed is not signed again (<see cref="AuditService.GetHeadAsync"/>).
/// </summary>
internal sealed partial class LedgerHeadPublisher(
    AuditService audit, ILedgerStore ledger, HeadSchedule schedule, TimeProvider clock, ILogger<LedgerHeadPublisher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = clock.GetUtcNow();
        // Check often enough to honour the entry count promptly; never more than once a second.
        var poll = schedule.Interval < TimeSpan.FromSeconds(1) ? schedule.Interval : TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(poll, clock, stoppingToken);
                var last = await ledger.GetLatestHeadAsync(stoppingToken);
                var state = await ledger.GetStateAsync(stoppingToken);
                if (schedule.IsDue(last, state.TreeSize, clock.GetUtcNow(), started)) await audit.GetHeadAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A database that is briefly unreachable must not stop the server; the next check retries.
                LogFailed(logger, e);
            }
        }
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Signing the ledger's scheduled tree head failed; retrying at the next check")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
