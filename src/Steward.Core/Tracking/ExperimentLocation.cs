namespace Steward.Tracking;

/// <summary>Where an experiment keeps its artifacts and which domain they belong to.</summary>
public sealed record ExperimentLocation(string ExperimentId, string ArtifactLocation, string Domain);
