using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Steward.Identity;

namespace Steward.Server.Identity;

/// <summary>
/// Keeps this server's <see cref="CredentialCache"/> in step with the other servers on the same
/// database: a token revoked, a user disabled or a password changed through any of them is
/// forgotten here as soon as the change commits. While the feed is down, the cache's lifetime
/// still bounds how long a stale credential is trusted; after an outage everything is forgotten,
/// since changes made meanwhile were missed.
/// </summary>
internal sealed partial class CredentialChangeListener(ICredentialChangeFeed feed, CredentialCache cache, TimeProvider clock, ILogger<CredentialChangeListener> log)
    : BackgroundService
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await feed.ListenAsync(cache.ForgetUser, stoppingToken);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            // Whatever ends the feed must not end the server (a background service that throws stops
            // the host): the cache's lifetime keeps it safe until listening works again.
            catch (Exception e)
            {
                cache.ForgetAll();
                LostFeed(log, e.Message);
                try
                {
                    await Task.Delay(RetryAfter, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the database's credential-change feed ({Reason}); listening again in a second. Cached credentials were forgotten.")]
    private static partial void LostFeed(ILogger logger, string reason);
}
