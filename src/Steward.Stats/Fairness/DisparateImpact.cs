namespace Steward.Stats.Fairness;

/// <summary>
/// The disparate-impact ratios: each group's selection rate divided by the reference group's, and
/// the four-fifths rule (US EEOC Uniform Guidelines, 29 CFR 1607.4(D)): a ratio below
/// <see cref="Threshold"/> (0.8) is evidence of adverse impact.
/// </summary>
/// <remarks>
/// The reference group is the one named in the options, or else the group with the highest
/// selection rate — the EEOC's own comparison — with ties going to the larger group, then to the
/// first in group order. The "selected" outcome is the positive prediction: when a positive
/// prediction is the unfavourable outcome (a high risk score, a rejected loan), read a ratio below
/// the threshold as a group being selected for it less often, and the groups above the reference
/// as the ones burdened. If the reference group's selection rate is 0 every ratio is undefined (null).
/// </remarks>
public sealed record DisparateImpact
{
    /// <summary>The group every selection rate is divided by.</summary>
    public required IReadOnlyDictionary<string, string?> ReferenceGroup { get; init; }

    /// <summary>How the reference group was chosen.</summary>
    public required ReferenceGroupChoice ReferenceChosenBy { get; init; }

    /// <summary>A ratio below this fails the rule (0.8 for the four-fifths rule).</summary>
    public required double Threshold { get; init; }

    /// <summary>The smallest ratio of any group, or null when no ratio is defined.</summary>
    public required double? MinimumRatio { get; init; }

    /// <summary>True when no defined ratio is below the threshold; null when no ratio is defined.</summary>
    public required bool? PassesFourFifthsRule { get; init; }

    /// <summary>Every group's ratio, in group order.</summary>
    public required IReadOnlyList<GroupImpact> Groups { get; init; }
}
