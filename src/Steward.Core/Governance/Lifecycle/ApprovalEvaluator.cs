using Steward.Identity;

namespace Steward.Governance.Lifecycle;

/// <summary>
/// Matches a version's decisions to what its tier requires. Each person's newest decision is
/// the one that stands; it counts only when given on the version's current evidence and its
/// author is no author of the version. One approval fills one requirement, through a role the
/// approver held when approving (an admin's fills any). A current rejection holds the step shut
/// until new evidence makes it stale or its author approves.
/// </summary>
public static class ApprovalEvaluator
{
    public static ApprovalStatus Evaluate(RiskTier tier, IReadOnlyList<ApprovalRequirement> requirements, IReadOnlyList<Approval> decisions, string fingerprint, VersionAuthorship authors)
    {
        var newestByApprover = decisions.GroupBy(d => d.Approver).ToDictionary(g => g.Key, g => g.MaxBy(d => d.Id)!.Id);
        var candidates = new List<Approval>();
        var notes = new Dictionary<long, string?>();
        foreach (var decision in decisions)
        {
            var superseded = newestByApprover[decision.Approver] != decision.Id;
            var current = decision.EvidenceFingerprint == fingerprint;
            string? note = null;
            if (superseded) note = "superseded by a newer decision of the same person";
            else if (!current) note = "stale: the version's evidence changed since";
            else if (SeparationOfDuties.AuthorshipOf(authors, decision.Approver) is { } authorship) note = $"{decision.Approver} is an author of the version ({authorship})";
            else if (decision.Decision == ApprovalDecision.Approved && !requirements.Any(r => Fills(decision, r))) note = "the approver holds none of the roles the tier requires";
            else if (decision.Decision == ApprovalDecision.Approved) candidates.Add(decision);
            notes[decision.Id] = note;
        }

        var filled = Match(requirements, candidates);
        var statuses = decisions.OrderByDescending(d => d.Id).Select(d =>
        {
            var counts = filled.Contains(d);
            var note = notes[d.Id] ?? (d.Decision == ApprovalDecision.Approved && !counts ? "every requirement it could fill is filled by another approval" : null);
            return new DecisionStatus(d, d.EvidenceFingerprint == fingerprint, newestByApprover[d.Approver] != d.Id, counts, note);
        }).ToList();

        var requirementStatuses = requirements.Select((r, i) => new RequirementStatus(r, filled[i])).ToList();
        var rejected = statuses.Any(s => s.Current && !s.Superseded && s.Approval.Decision == ApprovalDecision.Rejected);
        return new ApprovalStatus(tier, requirementStatuses, statuses, !rejected && requirementStatuses.All(r => r.FilledBy is not null));
    }

    private static bool Fills(Approval approval, ApprovalRequirement requirement) =>
        approval.ApproverRoles.Contains(Role.Admin) || approval.ApproverRoles.Any(requirement.Roles.Contains);

    /// <summary>Fills as many requirements as possible, one approval each (a small bipartite matching, by augmenting paths).</summary>
    private static Approval?[] Match(IReadOnlyList<ApprovalRequirement> requirements, IReadOnlyList<Approval> approvals)
    {
        var assigned = new Approval?[requirements.Count];
        // Earliest approvals first, so the filling is stable as new ones arrive.
        foreach (var approval in approvals.OrderBy(a => a.Id))
        {
            TryAssign(approval, requirements, assigned, new HashSet<int>());
        }

        return assigned;
    }

    private static bool TryAssign(Approval approval, IReadOnlyList<ApprovalRequirement> requirements, Approval?[] assigned, HashSet<int> visited)
    {
        for (var i = 0; i < requirements.Count; i++)
        {
            if (!Fills(approval, requirements[i]) || !visited.Add(i)) continue;
            if (assigned[i] is null || TryAssign(assigned[i]!, requirements, assigned, visited))
            {
                assigned[i] = approval;
                return true;
            }
        }

        return false;
    }
}
