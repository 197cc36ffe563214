using System.Globalization;

namespace Steward.Identity;

/// <summary>
/// Turns credentials into a <see cref="Principal"/>: an API token (Bearer, or the password of
/// HTTP Basic), or a user name and password (HTTP Basic, as MLflow's
/// <c>MLFLOW_TRACKING_USERNAME</c>/<c>PASSWORD</c> send them).
/// </summary>
public sealed class Authenticator(IIdentityStore store, CredentialCache cache, TimeProvider clock)
{
    // Checked against when the user does not exist, so that a wrong user name costs as long as a wrong password.
    private static readonly Lazy<string> Decoy = new(() => PasswordHasher.Hash("decoy password, never matches"));

    private long Now => clock.GetUtcNow().ToUnixTimeMilliseconds();

    public async Task<AuthenticationResult> AuthenticateTokenAsync(string secret, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var hash = ApiTokens.Hash(secret);
        if (!cache.TryGetToken(hash, out var token, out var user))
        {
            var generation = cache.Generation;
            if (await store.FindTokenAsync(hash, cancellationToken) is not { } found)
            {
                return AuthenticationResult.Refused(null, "The token is not valid.");
            }

            (token, user) = found;
            cache.PutToken(hash, token, user, generation);
        }

        var now = Now;
        if (token.IsRevoked) return AuthenticationResult.Refused(user.Name, $"The token '{token.Name}' ({token.Id}) of user '{user.Name}' was revoked.");
        if (token.IsExpired(now))
        {
            var expired = DateTimeOffset.FromUnixTimeMilliseconds(token.ExpiresAt!.Value).UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
            return AuthenticationResult.Refused(user.Name, $"The token '{token.Name}' ({token.Id}) of user '{user.Name}' expired at {expired}.");
        }

        if (!user.Enabled) return AuthenticationResult.Refused(user.Name, $"The user '{user.Name}' is disabled.");
        if (cache.ShouldRecordUse(token.Id, now)) await store.RecordTokenUseAsync(token.Id, now, cancellationToken);
        return AuthenticationResult.Ok(user.ToPrincipal(AuthenticationMethod.Token));
    }

    /// <summary>
    /// HTTP Basic with a password, without the slow check: the answer when this server verified
    /// the same user name and password within <see cref="CredentialCache.Lifetime"/>, else null
    /// (the password would need PBKDF2). How a throttled client's valid password still gets in.
    /// </summary>
    public AuthenticationResult? AuthenticateRecentPassword(string userName, string password)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(password);
        if (!cache.TryGetPassword(userName, password, out var user)) return null;
        return user.Enabled
            ? AuthenticationResult.Ok(user.ToPrincipal(AuthenticationMethod.Password))
            : AuthenticationResult.Refused(user.Name, $"The user '{user.Name}' is disabled.");
    }

    /// <summary>HTTP Basic: the password is the user's password, or one of the user's tokens.</summary>
    public async Task<AuthenticationResult> AuthenticateBasicAsync(string userName, string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(password);
        if (ApiTokens.LooksLikeToken(password))
        {
            var result = await AuthenticateTokenAsync(password, cancellationToken);
            return result.Succeeded && result.Principal!.Name != userName
                ? AuthenticationResult.Refused(null, $"The token does not belong to user '{userName}'.")
                : result;
        }

        if (!cache.TryGetPassword(userName, password, out var user))
        {
            var generation = cache.Generation;
            var found = await store.GetUserWithPasswordAsync(userName, cancellationToken);
            var matches = PasswordHasher.Verify(password, found?.PasswordHash ?? Decoy.Value);
            if (found is null || found.Value.PasswordHash is null || !matches)
            {
                return AuthenticationResult.Refused(null, "Wrong user name or password.");
            }

            user = found.Value.User;
            cache.PutPassword(userName, password, user, generation);
        }

        return user.Enabled
            ? AuthenticationResult.Ok(user.ToPrincipal(AuthenticationMethod.Password))
            : AuthenticationResult.Refused(user.Name, $"The user '{user.Name}' is disabled.");
    }
}
