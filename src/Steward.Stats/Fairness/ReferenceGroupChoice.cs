namespace Steward.Stats.Fairness;

/// <summary>How the disparate-impact reference group was chosen.</summary>
public enum ReferenceGroupChoice
{
    /// <summary>The group with the highest selection rate (ties: the larger group, then the first).</summary>
    HighestSelectionRate,

    /// <summary>The group named in the audit's options.</summary>
    Given,
}
