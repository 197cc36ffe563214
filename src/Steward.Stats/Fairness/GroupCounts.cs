using Steward.Stats.Classification;

namespace Steward.Stats.Fairness;

/// <summary>
/// One group — a value of each sensitive feature, in the order of <see cref="FairnessTable.SensitiveFeatures"/>,
/// null where the rows had no value — and the confusion counts of its rows.
/// </summary>
public sealed record GroupCounts(IReadOnlyList<string?> Values, ConfusionCounts Counts);
