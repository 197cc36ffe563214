using Steward.Audit;
using Steward.Identity;

namespace Steward.Governance.Lifecycle;

/// <summary>
/// Who counts as an author of a version for approvals: whoever created the version, its model or
/// its run, or changed the version itself (description, tags). Moving it between stages and
/// running audits on it are not authorship: a release manager who staged a version, or a risk
/// manager who audited it, may still approve it.
/// </summary>
public static class SeparationOfDuties
{
    private static readonly string[] AuthoringActions =
    [
        AuditActions.ModelVersionCreate, AuditActions.ModelVersionUpdate, AuditActions.ModelVersionSetTag, AuditActions.ModelVersionDeleteTag,
    ];

    private static readonly string[] CreatorRoles = [AuthorRoles.VersionCreator, AuthorRoles.ModelCreator, AuthorRoles.RunCreator];

    /// <summary>How <paramref name="actor"/> authored the version (e.g. <c>version-creator</c>), or null when they did not.</summary>
    public static string? AuthorshipOf(VersionAuthorship authorship, string actor)
    {
        var author = authorship.Authors.FirstOrDefault(a => a.Actor == actor);
        if (author is null) return null;
        var role = author.Roles.FirstOrDefault(CreatorRoles.Contains);
        if (role is not null) return role;
        var action = author.Actions.FirstOrDefault(AuthoringActions.Contains);
        return action is null ? null : $"{AuthorRoles.VersionWriter} ({action})";
    }
}
