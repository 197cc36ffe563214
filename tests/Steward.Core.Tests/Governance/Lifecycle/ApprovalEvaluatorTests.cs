using Steward.Governance;
using Steward.Governance.Lifecycle;
using Steward.Identity;

namespace Steward.Core.Tests.Governance.Lifecycle;

/// <summary>Matching decisions to what a tier requires: distinct people, roles held, current evidence, no authors.</summary>
public sealed class ApprovalEvaluatorTests
{
    private const string Evidence = "fingerprint-now";

    private static readonly IReadOnlyList<ApprovalRequirement> High = LifecyclePolicyService.Shipped.Policy.Approvals[RiskTier.High];

    private static readonly VersionAuthorship Authors = new("churn", 1, [new Author("alice", [AuthorRoles.VersionCreator], ["model_version.create"])]);

    private static long _ids;

    private static Approval Decision(string who, Role[] roles, ApprovalDecision decision = ApprovalDecision.Approved, string evidence = Evidence) =>
        new(Interlocked.Increment(ref _ids), "churn", 1, who, roles, decision, decision == ApprovalDecision.Rejected ? "no" : "", RiskTier.High, evidence, "{}", 0);

    private static ApprovalStatus Evaluate(params Approval[] decisions) => ApprovalEvaluator.Evaluate(RiskTier.High, High, decisions, Evidence, Authors);

    [Fact]
    public void a_high_risk_version_needs_three_different_people()
    {
        Assert.False(Evaluate(Decision("rita", [Role.RiskManager]), Decision("eve", [Role.EthicsOfficer])).Satisfied);
        Assert.True(Evaluate(Decision("rita", [Role.RiskManager]), Decision("eve", [Role.EthicsOfficer]), Decision("gus", [Role.GovernanceOfficer])).Satisfied);
    }

    [Fact]
    public void one_person_holding_several_roles_fills_one_requirement()
    {
        var status = Evaluate(Decision("omni", [Role.RiskManager, Role.EthicsOfficer, Role.GovernanceOfficer]));
        Assert.False(status.Satisfied);
        Assert.Single(status.Requirements, r => r.FilledBy is not null);
    }

    [Fact]
    public void approvals_are_matched_so_that_a_multi_role_approver_leaves_room_for_the_others()
    {
        // "both" could fill risk or ethics; matched first to risk, it must move to ethics when "rita" (risk only) arrives.
        var status = Evaluate(Decision("both", [Role.RiskManager, Role.EthicsOfficer]), Decision("rita", [Role.RiskManager]), Decision("gus", [Role.GovernanceOfficer]));
        Assert.True(status.Satisfied);
    }

    [Fact]
    public void an_approval_on_older_evidence_is_stale_and_does_not_count()
    {
        var status = Evaluate(Decision("rita", [Role.RiskManager], evidence: "fingerprint-before"), Decision("eve", [Role.EthicsOfficer]), Decision("gus", [Role.GovernanceOfficer]));
        Assert.False(status.Satisfied);
        var stale = Assert.Single(status.Decisions, d => !d.Current);
        Assert.Equal("rita", stale.Approval.Approver);
        Assert.Contains("stale", stale.Note);
    }

    [Fact]
    public void an_authors_approval_does_not_count()
    {
        var status = Evaluate(Decision("alice", [Role.RiskManager]), Decision("eve", [Role.EthicsOfficer]), Decision("gus", [Role.GovernanceOfficer]));
        Assert.False(status.Satisfied);
        Assert.Contains("author", status.Decisions.Single(d => d.Approval.Approver == "alice").Note);
    }

    [Fact]
    public void a_current_rejection_blocks_until_its_author_approves()
    {
        var approvals = new[] { Decision("rita", [Role.RiskManager]), Decision("eve", [Role.EthicsOfficer]), Decision("gus", [Role.GovernanceOfficer]) };
        Assert.False(Evaluate([.. approvals, Decision("rex", [Role.RiskManager], ApprovalDecision.Rejected)]).Satisfied);
        var rejection = Decision("rex", [Role.RiskManager], ApprovalDecision.Rejected);
        Assert.True(Evaluate([.. approvals, rejection, Decision("rex", [Role.RiskManager])]).Satisfied);
    }

    [Fact]
    public void a_stale_rejection_no_longer_blocks()
    {
        var status = Evaluate(Decision("rita", [Role.RiskManager]), Decision("eve", [Role.EthicsOfficer]), Decision("gus", [Role.GovernanceOfficer]),
            Decision("rex", [Role.RiskManager], ApprovalDecision.Rejected, evidence: "fingerprint-before"));
        Assert.True(status.Satisfied);
    }

    [Fact]
    public void moving_stages_or_running_audits_is_not_authorship()
    {
        Assert.DoesNotContain("model_version.transition_stage", AuthorRoles.AuthoringActions);
        Assert.DoesNotContain("model_version.record_audit", AuthorRoles.AuthoringActions);
        var authorship = new VersionAuthorship("churn", 1, [], [new Author("rel", [], ["model_version.transition_stage", "model_version.record_audit"])]);
        Assert.Null(SeparationOfDuties.AuthorshipOf(authorship, "rel"));
    }

    [Fact]
    public void changing_a_versions_tags_or_description_is_authorship()
    {
        Assert.Contains("model_version.set_tag", AuthorRoles.AuthoringActions);
        Assert.Contains("model_version.update", AuthorRoles.AuthoringActions);
        var tagger = new VersionAuthorship("churn", 1, [new Author("tag", [AuthorRoles.VersionWriter], ["model_version.set_tag"])]);
        Assert.Equal("version-writer (model_version.set_tag)", SeparationOfDuties.AuthorshipOf(tagger, "tag"));
    }
}
