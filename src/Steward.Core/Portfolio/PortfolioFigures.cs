namespace Steward.Portfolio;

/// <summary>What <see cref="IPortfolioStore"/> reads for the overview.</summary>
/// <param name="Stages">Versions per model domain and stage, in no particular order; combinations with no version are absent.</param>
/// <param name="RecentVersions">The most recently changed versions, last updated first (then by model name, then newest version), as the registry's search orders them.</param>
/// <param name="FailingAudits">Of <paramref name="RecentVersions"/>, each latest audit of a kind whose verdict is failed: in the order of the versions, newest audit first within one.</param>
public sealed record PortfolioFigures(IReadOnlyList<StageCount> Stages, IReadOnlyList<RecentVersion> RecentVersions, IReadOnlyList<FailingAudit> FailingAudits);
