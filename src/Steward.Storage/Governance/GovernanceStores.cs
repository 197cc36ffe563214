using Steward.Governance.Checklists;
using Steward.Governance.Configuration;
using Steward.Governance.Lifecycle;
using Steward.Governance.ModelCards;
using Steward.Governance.Records;
using Steward.Governance.Scorecards;
using Steward.Storage.Sql;

namespace Steward.Storage.Governance;

/// <summary>The governance stores of one database: risk registry, scorecards, checklist answers, model cards, the lifecycle, configuration files.</summary>
public sealed class GovernanceStores
{
    internal GovernanceStores(SqlDatabase database)
    {
        Documents = new SqlGovernanceDocumentStore(database);
        Records = new SqlGovernanceRecordStore(database);
        Scorecards = new SqlScorecardStore(database);
        ChecklistAnswers = new SqlChecklistAnswerStore(database);
        ModelCards = new SqlModelCardStore(database);
        Lifecycle = new SqlLifecycleStore(database);
    }

    /// <summary>Versions of the scorecard configuration and checklist templates.</summary>
    public IGovernanceDocumentStore Documents { get; }

    /// <summary>Governance records and their reviews.</summary>
    public IGovernanceRecordStore Records { get; }

    /// <summary>Filed scorecards.</summary>
    public IScorecardStore Scorecards { get; }

    /// <summary>Compliance checklist answers.</summary>
    public IChecklistAnswerStore ChecklistAnswers { get; }

    /// <summary>Model card revisions.</summary>
    public IModelCardStore ModelCards { get; }

    /// <summary>Approvals, waivers, attestations and the stages versions entered.</summary>
    public ILifecycleStore Lifecycle { get; }
}
