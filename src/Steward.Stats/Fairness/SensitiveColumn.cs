namespace Steward.Stats.Fairness;

/// <summary>A sensitive feature as an in-memory column: one value per row, null where the row has none.</summary>
public sealed record SensitiveColumn(string Name, IReadOnlyList<string?> Values);
