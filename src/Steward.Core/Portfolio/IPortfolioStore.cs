namespace Steward.Portfolio;

/// <summary>
/// The whole registry at a glance, read in a few statements: how many versions stand at each
/// stage in each domain, which versions changed last, and which of those fail their latest
/// audit. Read only; <see cref="PortfolioService"/> adds the gates and the permissions.
/// </summary>
public interface IPortfolioStore
{
    /// <summary>The figures, with <paramref name="recentVersions"/> as the number of most recently changed versions to list.</summary>
    /// <remarks>Reads what is committed; never throws for an empty registry (every list is empty).</remarks>
    Task<PortfolioFigures> ReadAsync(int recentVersions, CancellationToken cancellationToken);
}
