namespace Steward.Tracking;

/// <summary>A mutable key/value label on an experiment, run, model or version.</summary>
public sealed record Tag(string Key, string Value);
