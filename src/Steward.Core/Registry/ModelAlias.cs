namespace Steward.Registry;

/// <summary>A movable name (<c>champion</c>) pointing at one version of a model.</summary>
public sealed record ModelAlias(string Alias, int Version);
