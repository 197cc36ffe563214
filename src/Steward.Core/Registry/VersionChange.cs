namespace Steward.Registry;

/// <summary>
/// A change to where a model version is deployed: its stage or an alias. Every such change goes
/// through <see cref="RegistryService.ApplyAsync"/> so that one gate sees all of them.
/// </summary>
public abstract record VersionChange(string Name);

/// <summary>Move a version to a stage, optionally archiving the versions already there.</summary>
public sealed record StageTransition(string Name, int Version, ModelStage Stage, bool ArchiveExistingVersions) : VersionChange(Name);

/// <summary>Point an alias at a version (re-pointing it if it exists).</summary>
public sealed record AliasAssignment(string Name, string Alias, int Version) : VersionChange(Name);

/// <summary>Remove an alias from a model.</summary>
public sealed record AliasRemoval(string Name, string Alias) : VersionChange(Name);
