namespace Steward.Identity;

/// <summary>A business unit that owns experiments and models (a data-mesh domain). Domains are never deleted.</summary>
public sealed record Domain(string Name, string Description, string CreatedBy, long CreatedAt);

/// <summary>A domain with who belongs to it and how much it owns.</summary>
public sealed record DomainDetails(Domain Domain, IReadOnlyList<string> Members, long Experiments, long RegisteredModels);
