using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Steward.Audit;

namespace Steward.Identity;

/// <summary>
/// Requests refused for their credentials (401: none, unknown, wrong, revoked; 429: throttled),
/// counted per client address, actor and minute and written to the ledger as one
/// <c>auth.denied</c> entry per address, actor and minute whose resource carries the count
/// (<see cref="AuditResources.RefusedRequests"/>; the payload digest covers the count by reason
/// and by request), rather than one entry per request: a flood of requests without credentials
/// cannot grow the ledger faster than one entry per address a minute. Requests refused for their permissions (403) stay one entry each, since
/// they name an authenticated actor and a resource.
/// </summary>
/// <remarks>
/// A background service flushes closed minutes and, at shutdown, everything counted. Counts
/// held when a server process dies without shutting down are lost; like the throttle, the
/// tally is per server process.
/// </remarks>
public sealed class AuthenticationDenials(TimeProvider clock)
{
    /// <summary>Addresses tallied separately per minute; beyond this, further addresses share one "other" tally.</summary>
    public const int MaxTallies = 10_000;

    /// <summary>The address under which denials beyond <see cref="MaxTallies"/> are counted.</summary>
    public const string OtherAddresses = "other";

    private readonly ConcurrentDictionary<TallyKey, Tally> _tallies = new();

    /// <summary>Counts one refused request.</summary>
    /// <param name="address">The client address.</param>
    /// <param name="actor">The user the credentials named, when they proved one (a revoked token); else null.</param>
    /// <param name="request">Method and path, e.g. <c>GET /api/v1/me</c>.</param>
    /// <param name="reason"><c>unauthenticated</c> or <c>throttled</c>.</param>
    /// <param name="detail">Why, as the client was told.</param>
    public void Count(string address, string? actor, string request, string reason, string? detail)
    {
        var minute = MinuteOf(clock.GetUtcNow());
        var key = new TallyKey(minute, address, actor ?? UserNames.Anonymous);
        if (_tallies.Count >= MaxTallies && !_tallies.ContainsKey(key)) key = key with { Address = OtherAddresses };
        _tallies.GetOrAdd(key, _ => new Tally()).Add(request, reason, detail);
    }

    /// <summary>Writes one ledger entry per tally of a minute that has ended (or of every minute, when <paramref name="everything"/>) and forgets them.</summary>
    /// <returns>The entries written.</returns>
    public async Task<int> FlushAsync(ILedgerStore ledger, bool everything, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var current = MinuteOf(clock.GetUtcNow());
        var written = 0;
        foreach (var key in _tallies.Keys.Where(k => everything || k.Minute < current).OrderBy(k => k.Minute).ThenBy(k => k.Address, StringComparer.Ordinal))
        {
            if (!_tallies.TryRemove(key, out var tally)) continue;
            var (count, details) = tally.Describe(key);
            await Denials.RecordAsync(ledger, key.Actor == UserNames.Anonymous ? null : key.Actor,
                AuditResources.RefusedRequests(key.Address, Minute(key.Minute), count), details, cancellationToken);
            written++;
        }

        return written;
    }

    private static string Minute(DateTimeOffset minute) => minute.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset MinuteOf(DateTimeOffset time) => new(time.Year, time.Month, time.Day, time.Hour, time.Minute, 0, TimeSpan.Zero);

    private sealed record TallyKey(DateTimeOffset Minute, string Address, string Actor);

    private sealed class Tally
    {
        private const int MaxRequestsNamed = 10;

        private readonly Lock _lock = new();
        private readonly Dictionary<string, int> _reasons = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _requests = new(StringComparer.Ordinal);
        private int _count;
        private string? _lastDetail;

        public void Add(string request, string reason, string? detail)
        {
            lock (_lock)
            {
                _count++;
                _reasons[reason] = _reasons.GetValueOrDefault(reason) + 1;
                if (_requests.ContainsKey(request) || _requests.Count < MaxRequestsNamed) _requests[request] = _requests.GetValueOrDefault(request) + 1;
                _lastDetail = detail ?? _lastDetail;
            }
        }

        /// <summary>The count, and what the entry's payload digest covers: the count by reason and by request.</summary>
        public (int Count, JsonObject Details) Describe(TallyKey key)
        {
            lock (_lock)
            {
                var reasons = new JsonObject();
                foreach (var (reason, count) in _reasons.OrderBy(r => r.Key, StringComparer.Ordinal)) reasons[reason] = count;
                var requests = new JsonObject();
                foreach (var (request, count) in _requests.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal)) requests[request] = count;
                return (_count, new JsonObject
                {
                    ["reason"] = "unauthenticated",
                    ["address"] = key.Address,
                    ["minute"] = Minute(key.Minute),
                    ["count"] = _count,
                    ["reasons"] = reasons,
                    ["requests"] = requests,
                    ["detail"] = _lastDetail,
                });
            }
        }
    }
}
