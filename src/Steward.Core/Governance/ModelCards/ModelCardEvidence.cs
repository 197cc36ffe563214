using Steward.Governance.Records;
using Steward.Governance.Scorecards;
using Steward.ModelAudits;
using Steward.Registry;
using Steward.Tracking;

namespace Steward.Governance.ModelCards;

/// <summary>
/// What the platform holds about a model version, from which a card is filled: the registered
/// model and version, the version's source run (params, metrics, data set inputs), its audits,
/// the model's governance record and the version's newest scorecard.
/// </summary>
public sealed record ModelCardEvidence(
    RegisteredModel Model,
    ModelVersion Version,
    Run? SourceRun,
    GovernanceRecord? Record,
    IReadOnlyList<ModelAudit> Audits,
    Scorecard? Scorecard);
