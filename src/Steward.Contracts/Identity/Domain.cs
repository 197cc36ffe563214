namespace Steward.Contracts.Identity;

/// <summary>A business unit that owns experiments and models.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Description">What it is.</param>
/// <param name="CreatedBy">Who created it.</param>
/// <param name="CreatedAt">When, Unix milliseconds.</param>
public sealed record Domain(string Name, string Description, string CreatedBy, long CreatedAt);

/// <summary>A domain with its members and how many experiments and registered models it owns.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Description">What it is.</param>
/// <param name="CreatedBy">Who created it.</param>
/// <param name="CreatedAt">When, Unix milliseconds.</param>
/// <param name="Members">The users who belong to it.</param>
/// <param name="Experiments">How many experiments it owns.</param>
/// <param name="RegisteredModels">How many registered models it owns.</param>
public sealed record DomainDetails(string Name, string Description, string CreatedBy, long CreatedAt, IReadOnlyList<string> Members, long Experiments, long RegisteredModels);
