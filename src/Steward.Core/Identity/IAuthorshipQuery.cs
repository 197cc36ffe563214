namespace Steward.Identity;

/// <summary>
/// Who authored a model version, for separation of duties (an approver must not be an author).
/// Built from stored facts: the creators the registry and the run record, and the actors of the
/// ledger's entries on the version.
/// </summary>
/// <remarks>Throws ResourceDoesNotExist for a missing model or version. Performs no permission check: callers decide who may ask.</remarks>
public interface IAuthorshipQuery
{
    Task<VersionAuthorship> GetVersionAuthorsAsync(string name, int version, CancellationToken cancellationToken);
}

/// <summary>The authors of one version.</summary>
public sealed record VersionAuthorship(string Name, int Version, IReadOnlyList<Author> Authors)
{
    /// <summary>True when <paramref name="actor"/> authored the version in any way.</summary>
    public bool IsAuthor(string actor) => Authors.Any(a => a.Actor == actor);
}

/// <summary>One author: what part they had (<see cref="AuthorRoles"/>) and the ledger actions they took on the version.</summary>
public sealed record Author(string Actor, IReadOnlyList<string> Roles, IReadOnlyList<string> Actions);

/// <summary>The parts an author can have in a version.</summary>
public static class AuthorRoles
{
    /// <summary>Created the version.</summary>
    public const string VersionCreator = "version-creator";

    /// <summary>Created the registered model.</summary>
    public const string ModelCreator = "model-creator";

    /// <summary>Created the run the version was made from.</summary>
    public const string RunCreator = "run-creator";

    /// <summary>Changed the version (description, tags, stage): has an <c>ok</c> ledger entry on it.</summary>
    public const string VersionWriter = "version-writer";
}
