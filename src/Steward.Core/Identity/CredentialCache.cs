using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Steward.Identity;

/// <summary>
/// Credentials this server recently checked, kept for <see cref="Lifetime"/>: MLflow clients
/// send their token or password with every request, and a password check costs a deliberate
/// PBKDF2 (hundreds of milliseconds). Changes made through this server (a revoked token, a
/// disabled user, a new password) forget the affected entries at once; other servers sharing a
/// PostgreSQL database hear of the change through <see cref="ICredentialChangeFeed"/> and forget
/// them too, and any server sees a change within <see cref="Lifetime"/> at the latest.
/// </summary>
/// <remarks>
/// Passwords are keyed by an HMAC under a key that lives only in this process, never by the
/// password itself. A lookup that started before a change may not put its stale answer back:
/// every change bumps a generation, and entries read under an older generation are not kept.
/// </remarks>
public sealed class CredentialCache(TimeProvider clock)
{
    /// <summary>How long a checked credential is trusted without asking the database again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    /// <summary>How often a token's last-used time is written, at most.</summary>
    public static readonly TimeSpan UseRecordingInterval = TimeSpan.FromMinutes(1);

    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Entry> _passwords = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _lastUseRecorded = new(StringComparer.Ordinal);
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private long _generation;

    /// <summary>Read before a database lookup and passed to the <c>Put</c> that stores its answer.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public bool TryGetToken(string secretHash, out ApiToken token, out User user)
    {
        if (_tokens.TryGetValue(secretHash, out var entry) && entry.Until > clock.GetUtcNow() && entry.Token is not null)
        {
            (token, user) = (entry.Token, entry.User);
            return true;
        }

        (token, user) = (null!, null!);
        return false;
    }

    public void PutToken(string secretHash, ApiToken token, User user, long generation) => Put(_tokens, secretHash, new Entry(token, user, clock.GetUtcNow() + Lifetime), generation);

    public bool TryGetPassword(string userName, string password, out User user)
    {
        if (_passwords.TryGetValue(PasswordKey(userName, password), out var entry) && entry.Until > clock.GetUtcNow())
        {
            user = entry.User;
            return true;
        }

        user = null!;
        return false;
    }

    public void PutPassword(string userName, string password, User user, long generation) =>
        Put(_passwords, PasswordKey(userName, password), new Entry(null, user, clock.GetUtcNow() + Lifetime), generation);

    /// <summary>Forgets everything cached about a user: call after changing the user, their password or their tokens.</summary>
    public void ForgetUser(string userName)
    {
        Interlocked.Increment(ref _generation);
        RemoveWhere(_tokens, e => e.User.Name == userName);
        RemoveWhere(_passwords, e => e.User.Name == userName);
    }

    /// <summary>Forgets everything: call when changes may have been missed.</summary>
    public void ForgetAll()
    {
        Interlocked.Increment(ref _generation);
        _tokens.Clear();
        _passwords.Clear();
    }

    /// <summary>True when a token's use should be written now (at most once per <see cref="UseRecordingInterval"/>).</summary>
    public bool ShouldRecordUse(string tokenId, long now)
    {
        var interval = (long)UseRecordingInterval.TotalMilliseconds;
        while (true)
        {
            if (_lastUseRecorded.TryGetValue(tokenId, out var last))
            {
                if (now - last < interval) return false;
                if (_lastUseRecorded.TryUpdate(tokenId, now, last)) return true;
            }
            else if (_lastUseRecorded.TryAdd(tokenId, now))
            {
                if (_lastUseRecorded.Count > MaxEntries) _lastUseRecorded.Clear();
                return true;
            }
        }
    }

    private void Put(ConcurrentDictionary<string, Entry> map, string key, Entry entry, long generation)
    {
        if (generation != Generation) return;
        if (map.Count >= MaxEntries) map.Clear();
        map[key] = entry;
        // A change that happened while storing wins: drop what may now be stale.
        if (generation != Generation) map.TryRemove(key, out _);
    }

    private static void RemoveWhere(ConcurrentDictionary<string, Entry> map, Func<Entry, bool> stale)
    {
        foreach (var (key, entry) in map)
        {
            if (stale(entry)) map.TryRemove(key, out _);
        }
    }

    private string PasswordKey(string userName, string password) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(userName + "\0" + password)));

    private sealed record Entry(ApiToken? Token, User User, DateTimeOffset Until);
}
