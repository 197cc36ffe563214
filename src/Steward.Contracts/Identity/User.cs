namespace Steward.Contracts.Identity;

/// <summary>A user of the server: never the password hash, only whether one is set.</summary>
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

/// <summary>Who the caller is, as the server sees it.</summary>
/// <param name="Name">The actor name the ledger records.</param>
/// <param name="DisplayName">The user's display name (null for the local admin).</param>
/// <param name="Email">The user's email, if any.</param>
/// <param name="Roles">Their roles.</param>
/// <param name="Domains">Their domains; the first is where new objects go.</param>
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

/// <summary>
/// Who authored a model version — exactly those who may not approve it — and, apart, who else
/// acted on it.
/// </summary>
/// <param name="Name">The model.</param>
/// <param name="Version">The version.</param>
/// <param name="Authors">Each author with their parts and authoring actions: creators of version, model and run, and whoever changed the version's description or tags.</param>
/// <param name="OtherActors">Who acted on the version without authoring it (stage moves, audits), with their actions; not authors, free to approve.</param>
public sealed record VersionAuthors(string Name, int Version, IReadOnlyList<VersionAuthor> Authors, IReadOnlyList<VersionActor> OtherActors);

/// <summary>One author of a version.</summary>
/// <param name="Actor">The actor's name.</param>
/// <param name="Roles">Their parts: <c>version-creator</c>, <c>model-creator</c>, <c>run-creator</c>, <c>version-writer</c>.</param>
/// <param name="Actions">The authoring ledger actions they took on the version (<c>model_version.create</c>, <c>.update</c>, <c>.set_tag</c>, <c>.delete_tag</c>).</param>
public sealed record VersionAuthor(string Actor, IReadOnlyList<string> Roles, IReadOnlyList<string> Actions);

/// <summary>Someone who acted on a version without authoring it.</summary>
/// <param name="Actor">The actor's name.</param>
/// <param name="Actions">The ledger actions they took on the version (e.g. <c>model_version.transition_stage</c>, <c>model_version.record_audit</c>).</param>
public sealed record VersionActor(string Actor, IReadOnlyList<string> Actions);
