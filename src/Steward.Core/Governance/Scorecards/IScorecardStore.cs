using Steward.Audit;

namespace Steward.Governance.Scorecards;

/// <summary>Where filed scorecards live. Each write appends the ledger entry of the <see cref="AuditedChange"/> it is given, in its transaction.</summary>
public interface IScorecardStore
{
    /// <summary>Files a scorecard; ResourceDoesNotExist when the model version does not exist.</summary>
    Task<Scorecard> AddAsync(AuditedChange change, NewScorecard scorecard, string filedBy, long now, CancellationToken cancellationToken);

    /// <summary>A version's scorecards, newest first.</summary>
    Task<IReadOnlyList<Scorecard>> ListAsync(string modelName, int version, CancellationToken cancellationToken);

    /// <summary>The newest scorecard of each model that has one (over all its versions).</summary>
    Task<IReadOnlyList<Scorecard>> LatestPerModelAsync(CancellationToken cancellationToken);
}
