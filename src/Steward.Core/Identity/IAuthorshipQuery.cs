using Steward.Audit;

namespace Steward.Identity;

/// <summary>
/// Who authored a model version — the one definition both separation of duties (an approver must
/// not be an author) and <c>GET .../authors</c> use. Built from stored facts: the creators the
/// registry and the run record, and the actors of the ledger's authoring entries on the version.
/// </summary>
/// <remarks>Throws ResourceDoesNotExist for a missing model or version. Performs no permission check: callers decide who may ask.</remarks>
public interface IAuthorshipQuery
{
    Task<VersionAuthorship> GetVersionAuthorsAsync(string name, int version, CancellationToken cancellationToken);
}

/// <summary>The authors of one version, and apart from them whoever else acted on it.</summary>
/// <param name="Name">The model.</param>
/// <param name="Version">The version.</param>
/// <param name="Authors">Who may not approve it: creators of version, model and run, and whoever changed the version's description or tags.</param>
/// <param name="OtherActors">
/// Who acted on the version without authoring it (moved its stage, ran an audit on it): shown for
/// the record, not authors, free to approve.
/// </param>
public sealed record VersionAuthorship(string Name, int Version, IReadOnlyList<Author> Authors, IReadOnlyList<Author> OtherActors)
{
    /// <summary>The authors alone, nobody else having acted on the version.</summary>
    public VersionAuthorship(string name, int version, IReadOnlyList<Author> authors)
        : this(name, version, authors, [])
    {
    }

    /// <summary>True when <paramref name="actor"/> authored the version in any way.</summary>
    public bool IsAuthor(string actor) => Authors.Any(a => a.Actor == actor);

    /// <summary>How <paramref name="actor"/> authored the version (e.g. <c>version-creator</c>, <c>version-writer (model_version.set_tag)</c>), or null when they did not.</summary>
    public string? AuthorshipOf(string actor)
    {
        var author = Authors.FirstOrDefault(a => a.Actor == actor);
        if (author is null) return null;
        var role = author.Roles.FirstOrDefault(r => r != AuthorRoles.VersionWriter) ?? AuthorRoles.VersionWriter;
        return role == AuthorRoles.VersionWriter && author.Actions.Count > 0 ? $"{role} ({author.Actions[0]})" : role;
    }
}

/// <summary>One actor on a version: what part they had (<see cref="AuthorRoles"/>; none for other actors) and the ledger actions they took on it.</summary>
public sealed record Author(string Actor, IReadOnlyList<string> Roles, IReadOnlyList<string> Actions);

/// <summary>The parts an author can have in a version, and which ledger actions on it are authorship.</summary>
public static class AuthorRoles
{
    /// <summary>Created the version.</summary>
    public const string VersionCreator = "version-creator";

    /// <summary>Created the registered model.</summary>
    public const string ModelCreator = "model-creator";

    /// <summary>Created the run the version was made from.</summary>
    public const string RunCreator = "run-creator";

    /// <summary>Created or changed the version itself (description, tags): has an <c>ok</c> authoring ledger entry on it.</summary>
    public const string VersionWriter = "version-writer";

    /// <summary>
    /// The ledger actions on a version that make their actor an author. Moving it between stages,
    /// setting aliases and running audits on it are not: a release manager who staged a version,
    /// or a risk manager who audited it, may still approve it.
    /// </summary>
    public static IReadOnlyList<string> AuthoringActions { get; } =
    [
        AuditActions.ModelVersionCreate, AuditActions.ModelVersionUpdate, AuditActions.ModelVersionSetTag, AuditActions.ModelVersionDeleteTag,
    ];
}
