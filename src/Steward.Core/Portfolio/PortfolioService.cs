using System.Globalization;
using Steward.Audit;
using Steward.Governance;
using Steward.Governance.Lifecycle;
using Steward.Governance.Records;
using Steward.Identity;
using Steward.Registry;

namespace Steward.Portfolio;

/// <summary>
/// The overview of every model in every domain, for whoever is signed in: reading the registry
/// needs no permission (like any read of metadata, it spans all domains), the approvals waiting
/// are shown only to a principal who approves, and the ledger's latest entries only to one who
/// may read the ledger — so the overview never records a refusal.
/// </summary>
public sealed class PortfolioService(IPortfolioStore store, GovernanceRecordService records, LifecycleService lifecycle, LedgerService ledger, AccessControl access)
{
    /// <summary>Among how many of the most recently changed versions gates, approvals and failing audits are looked for.</summary>
    public const int RecentVersions = 50;

    /// <summary>How many of the latest ledger entries the overview shows.</summary>
    public const int LatestEntries = 10;

    /// <summary>The overview as the current principal may see it.</summary>
    public async Task<PortfolioOverview> GetOverviewAsync(CancellationToken cancellationToken)
    {
        var principal = access.Principal;
        var figures = await store.ReadAsync(RecentVersions, cancellationToken);
        var overdue = await records.ReviewScheduleAsync(overdueOnly: true, cancellationToken);
        var warnings = await records.ListWarningsAsync(cancellationToken);

        var approves = principal.Holds(Permission.ApproveVersions);
        var waiting = new List<WaitingApproval>();
        var openGates = new List<HeldGate>();
        // Only a version short of production can be held at a gate or wait for an approval; an
        // archived one is out of the lifecycle. Those are the only states worth computing.
        foreach (var version in figures.RecentVersions.Where(v => v.Stage is ModelStage.None or ModelStage.Staging))
        {
            var state = await lifecycle.GetStateAsync(version.Name, version.Version.ToString(CultureInfo.InvariantCulture), cancellationToken);
            if (state.Governed)
            {
                var gate = state.Gate(version.Stage == ModelStage.None ? GateTarget.Staging : GateTarget.Production);
                if (!gate.Allows) openGates.Add(new HeldGate(version, gate));
            }

            if (approves && WaitingFor(principal, state) is { } requirement) waiting.Add(new WaitingApproval(version, requirement));
        }

        var latest = ledger.CanRead ? await ledger.ListLatestAsync(LatestEntries, cancellationToken) : null;
        return new PortfolioOverview(figures.Stages, RecentVersions, approves ? waiting : null, openGates, overdue, figures.FailingAudits, latest, warnings);
    }

    /// <summary>The first approval still open that <paramref name="principal"/> could give, described; null when none.</summary>
    private static string? WaitingFor(Principal principal, LifecycleState state)
    {
        // Approvals are given on the current evidence; one the principal already gave (or a rejection) is not waiting.
        if (state.Approvals.Decisions.Any(d => d.Current && !d.Superseded && d.Approval.Approver == principal.Name)) return null;
        var open = state.Approvals.Requirements.FirstOrDefault(r => r.FilledBy is null && (principal.IsAdmin || r.Requirement.Roles.Any(principal.Roles.Contains)));
        return open is null ? null : $"{open.Requirement.Label} ({RiskTiers.Name(state.Tier)} risk)";
    }
}
