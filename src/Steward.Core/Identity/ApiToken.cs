namespace Steward.Identity;

/// <summary>
/// An API token as it is listed: never its secret, which is shown once at creation and stored
/// only as its SHA-256 hash.
/// </summary>
/// <param name="Id">Public identifier, to list and revoke it by.</param>
/// <param name="UserName">Whose it is: requests with it act as this user.</param>
/// <param name="Name">What it is for, e.g. "ci".</param>
/// <param name="Description">Optional free text.</param>
/// <param name="CreatedBy">Who created it (the user, or an admin).</param>
/// <param name="CreatedAt">When, Unix milliseconds.</param>
/// <param name="ExpiresAt">When it stops working, Unix milliseconds; null when it never expires.</param>
/// <param name="RevokedAt">When it was revoked, or null.</param>
/// <param name="RevokedBy">Who revoked it, or null.</param>
/// <param name="LastUsedAt">When it last authenticated a request (to the minute), or null.</param>
public sealed record ApiToken(
    string Id,
    string UserName,
    string Name,
    string Description,
    string CreatedBy,
    long CreatedAt,
    long? ExpiresAt,
    long? RevokedAt,
    string? RevokedBy,
    long? LastUsedAt)
{
    public bool IsRevoked => RevokedAt is not null;

    public bool IsExpired(long now) => ExpiresAt is { } expires && expires <= now;

    /// <summary><c>active</c>, <c>expired</c> or <c>revoked</c>.</summary>
    public string State(long now) => IsRevoked ? "revoked" : IsExpired(now) ? "expired" : "active";
}

/// <summary>A token to store: its public fields and the hash of its secret.</summary>
public sealed record NewApiToken(string Id, string UserName, string Name, string Description, string SecretHash, string CreatedBy, long CreatedAt, long? ExpiresAt);

/// <summary>A token just created, with its secret: the only time the secret exists outside the client.</summary>
public sealed record CreatedApiToken(ApiToken Token, string Secret);
