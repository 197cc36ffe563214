using Steward.Identity;

namespace Steward.Governance.Lifecycle;

/// <summary>
/// Who may not decide on a version: its authors, exactly as <see cref="IAuthorshipQuery"/> lists
/// them (and <c>GET .../authors</c> shows them) — whoever created the version, its model or its
/// run, or changed the version itself (description, tags). Moving it between stages and running
/// audits on it are not authorship (<see cref="AuthorRoles.AuthoringActions"/>).
/// </summary>
public static class SeparationOfDuties
{
    /// <summary>How <paramref name="actor"/> authored the version (e.g. <c>version-creator</c>), or null when they did not.</summary>
    public static string? AuthorshipOf(VersionAuthorship authorship, string actor)
    {
        ArgumentNullException.ThrowIfNull(authorship);
        return authorship.AuthorshipOf(actor);
    }
}
