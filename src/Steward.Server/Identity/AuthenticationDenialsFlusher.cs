using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Steward.Audit;
using Steward.Identity;

namespace Steward.Server.Identity;

/// <summary>
/// Writes <see cref="AuthenticationDenials"/>' tallies to the ledger: just after each minute
/// ends, one entry per address and actor for that minute, and everything still counted when the
/// server shuts down.
/// </summary>
/// <remarks>
/// The final flush runs when the host stops and again when it is disposed without being stopped
/// (a server disposed directly, as tests do); the second finds nothing left to write.
/// </remarks>
internal sealed partial class AuthenticationDenialsFlusher(AuthenticationDenials denials, ILedgerStore ledger, TimeProvider clock, ILogger<AuthenticationDenialsFlusher> log)
    : BackgroundService, IAsyncDisposable
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            var nextMinute = now.AddSeconds(60 - now.Second).AddMilliseconds(-now.Millisecond);
            try
            {
                await Task.Delay(nextMinute - now + TimeSpan.FromSeconds(1), clock, stoppingToken);
                await denials.FlushAsync(ledger, everything: false, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            // A ledger that cannot be written now keeps the tallies for the next minute; it must not stop the server.
            catch (Exception e)
            {
                FlushFailed(log, e.Message);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushEverythingAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await FlushEverythingAsync(CancellationToken.None);
        Dispose();
    }

    private async Task FlushEverythingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await denials.FlushAsync(ledger, everything: true, cancellationToken);
        }
        catch (Exception e)
        {
            FlushFailed(log, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write the tally of refused authentications to the ledger ({Reason}); it is kept for the next attempt.")]
    private static partial void FlushFailed(ILogger logger, string reason);
}
