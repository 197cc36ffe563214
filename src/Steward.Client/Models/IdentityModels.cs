namespace Steward.Client;

/// <summary>A user of the server.</summary>
/// <param name="Name">Unique; what the ledger records as the actor.</param>
/// <param name="DisplayName">How people call them.</param>
/// <param name="Email">Contact address, if any.</param>
/// <param name="Roles">Their roles, e.g. <c>data-scientist</c>.</param>
/// <param name="Domains">Where they may write; the first is where their new objects go.</param>
/// <param name="Enabled">False when their credentials are refused.</param>
/// <param name="HasPassword">True once a password was set.</param>
/// <param name="CreatedBy">Who created the user.</param>
/// <param name="CreatedAt">When, Unix milliseconds.</param>
/// <param name="UpdatedAt">Last change, Unix milliseconds.</param>
public sealed record User(
    string Name,
    string DisplayName,
    string? Email,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Domains,
    bool Enabled,
    bool HasPassword,
    string CreatedBy,
    long CreatedAt,
    long UpdatedAt);

/// <summary>A change to a user; null properties stay as they are.</summary>
public sealed record UserUpdate
{
    /// <summary>New display name.</summary>
    public string? DisplayName { get; init; }

    /// <summary>New email; empty clears it.</summary>
    public string? Email { get; init; }

    /// <summary>The roles, replacing the current ones.</summary>
    public IReadOnlyList<string>? Roles { get; init; }

    /// <summary>The domains, replacing the current ones (order matters: the first is the default).</summary>
    public IReadOnlyList<string>? Domains { get; init; }

    /// <summary>Enable or disable the user.</summary>
    public bool? Enabled { get; init; }
}

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

/// <summary>A token just created.</summary>
/// <param name="Token">The token.</param>
/// <param name="Secret">The secret to send as <c>Authorization: Bearer</c>; shown this once, never again.</param>
public sealed record CreatedToken(ApiToken Token, string Secret);

/// <summary>A business unit that owns experiments and models.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Description">What it is.</param>
/// <param name="CreatedBy">Who created it.</param>
/// <param name="CreatedAt">When, Unix milliseconds.</param>
public sealed record Domain(string Name, string Description, string CreatedBy, long CreatedAt);

/// <summary>A domain with its members and what it owns.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Description">What it is.</param>
/// <param name="CreatedBy">Who created it.</param>
/// <param name="CreatedAt">When, Unix milliseconds.</param>
/// <param name="Members">The users who belong to it.</param>
/// <param name="Experiments">How many experiments it owns.</param>
/// <param name="RegisteredModels">How many registered models it owns.</param>
public sealed record DomainDetails(string Name, string Description, string CreatedBy, long CreatedAt, IReadOnlyList<string> Members, long Experiments, long RegisteredModels);

/// <summary>Who the caller is, as the server sees it.</summary>
/// <param name="Name">The actor name the ledger records.</param>
/// <param name="DisplayName">The user's display name (null for the local admin).</param>
/// <param name="Email">The user's email, if any.</param>
/// <param name="Roles">Their roles.</param>
/// <param name="Domains">Their domains.</param>
/// <param name="AllDomains">True for admins, who write in every domain.</param>
/// <param name="DefaultDomain">Where their new objects go, or null when they belong to no domain.</param>
/// <param name="AuthenticatedBy"><c>token</c>, <c>password</c> or <c>local-admin</c>.</param>
/// <param name="Permissions">The permissions their roles hold, e.g. <c>write-tracking</c>.</param>
public sealed record WhoAmI(
    string Name,
    string? DisplayName,
    string? Email,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Domains,
    bool AllDomains,
    string? DefaultDomain,
    string AuthenticatedBy,
    IReadOnlyList<string> Permissions);

/// <summary>Who authored a model version.</summary>
/// <param name="Name">The model.</param>
/// <param name="Version">The version.</param>
/// <param name="Authors">Each author with their parts and actions.</param>
public sealed record VersionAuthors(string Name, int Version, IReadOnlyList<VersionAuthor> Authors);

/// <summary>One author of a version.</summary>
/// <param name="Actor">The actor's name.</param>
/// <param name="Roles">Their parts: <c>version-creator</c>, <c>model-creator</c>, <c>run-creator</c>, <c>version-writer</c>.</param>
/// <param name="Actions">The ledger actions they took on the version.</param>
public sealed record VersionAuthor(string Actor, IReadOnlyList<string> Roles, IReadOnlyList<string> Actions);
