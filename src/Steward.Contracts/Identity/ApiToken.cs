namespace Steward.Contracts.Identity;

/// <summary>An API token, without its secret.</summary>
/// <param name="Id">Its public id, to revoke it by.</param>
/// <param name="User">Whose it is.</param>
/// <param name="Name">What it is for.</param>
/// <param name="Description">Free text.</param>
/// <param name="State"><c>active</c>, <c>expired</c> or <c>revoked</c>.</param>
/// <param name="CreatedBy">Who created it.</param>
/// <param name="CreatedAt">When, Unix milliseconds.</param>
/// <param name="ExpiresAt">When it stops working, Unix milliseconds; null when never.</param>
/// <param name="RevokedAt">When it was revoked, or null.</param>
/// <param name="RevokedBy">Who revoked it, or null.</param>
/// <param name="LastUsedAt">When it last authenticated a request (to the minute), or null.</param>
public sealed record ApiToken(
    string Id,
    string User,
    string Name,
    string Description,
    string State,
    string CreatedBy,
    long CreatedAt,
    long? ExpiresAt,
    long? RevokedAt,
    string? RevokedBy,
    long? LastUsedAt);

/// <summary>A token just created: <see cref="Secret"/> appears here and nowhere else, ever.</summary>
/// <param name="Token">The token.</param>
/// <param name="Secret">The secret to send as <c>Authorization: Bearer</c>; shown this once, never again.</param>
public sealed record CreatedToken(ApiToken Token, string Secret);
