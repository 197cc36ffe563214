using Steward.Identity;

namespace Steward.Governance.Lifecycle;

/// <summary>Approve or reject.</summary>
public enum ApprovalDecision
{
    Approved,
    Rejected,
}

/// <summary>
/// One person's decision on a version's promotion, made on the evidence the version had then:
/// <see cref="EvidenceFingerprint"/> is the digest of <see cref="Evidence"/>. When the version's
/// evidence changes, the decision is stale and no longer counts (nor blocks). Never changed; a
/// newer decision by the same person supersedes it.
/// </summary>
/// <param name="Id">Assigned by the store, increasing.</param>
/// <param name="ModelName">The registered model.</param>
/// <param name="Version">The version decided on.</param>
/// <param name="Approver">Who decided (the authenticated actor).</param>
/// <param name="ApproverRoles">The roles the approver held when deciding: which requirements the approval can fill.</param>
/// <param name="Decision">Approved or rejected.</param>
/// <param name="Reason">Why; required for a rejection.</param>
/// <param name="Tier">The risk tier the version had when the decision was made.</param>
/// <param name="EvidenceFingerprint">Lowercase hex SHA-256 of the canonical <see cref="Evidence"/>.</param>
/// <param name="Evidence">The evidence seen, as canonical JSON (<see cref="VersionEvidence"/>).</param>
/// <param name="DecidedAt">Unix milliseconds.</param>
public sealed record Approval(
    long Id,
    string ModelName,
    int Version,
    string Approver,
    IReadOnlyList<Role> ApproverRoles,
    ApprovalDecision Decision,
    string Reason,
    RiskTier Tier,
    string EvidenceFingerprint,
    string Evidence,
    long DecidedAt);

/// <summary>Wire names of <see cref="ApprovalDecision"/>.</summary>
public static class ApprovalNames
{
    public static string Name(ApprovalDecision decision) => decision == ApprovalDecision.Approved ? "approved" : "rejected";

    public static ApprovalDecision Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "approved" => ApprovalDecision.Approved,
        "rejected" => ApprovalDecision.Rejected,
        _ => throw Errors.StewardException.Invalid($"Invalid decision '{value}': expected approved or rejected."),
    };
}
