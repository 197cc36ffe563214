using Steward.Audit;
using Steward.Governance.Records;

namespace Steward.Portfolio;

/// <summary>The overview page's content, as the current principal may see it.</summary>
/// <param name="Stages">Versions per domain and stage, over the whole registry.</param>
/// <param name="RecentVersions">How many of the most recently changed versions the gates, approvals and audits were looked for among.</param>
/// <param name="Waiting">Approvals the principal could give; null when the principal approves nothing.</param>
/// <param name="OpenGates">Governed versions held at their next gate.</param>
/// <param name="Overdue">Models whose periodic review is overdue.</param>
/// <param name="FailingAudits">Latest audits of a kind that failed.</param>
/// <param name="LatestEntries">The latest ledger entries, oldest first; null when the principal may not read the ledger.</param>
/// <param name="RecordWarnings">Risk registry records that need attention (a draft while a version is in Production), with their warnings.</param>
public sealed record PortfolioOverview(
    IReadOnlyList<StageCount> Stages,
    int RecentVersions,
    IReadOnlyList<WaitingApproval>? Waiting,
    IReadOnlyList<HeldGate> OpenGates,
    IReadOnlyList<GovernanceRecordView> Overdue,
    IReadOnlyList<FailingAudit> FailingAudits,
    IReadOnlyList<AuditEntry>? LatestEntries,
    IReadOnlyList<GovernanceRecordView> RecordWarnings);
