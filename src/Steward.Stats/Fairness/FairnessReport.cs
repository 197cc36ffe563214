namespace Steward.Stats.Fairness;

/// <summary>
/// The result of a fairness audit: per-group rates, the disparities between groups, the settings
/// and the source. Serialised with <see cref="FairnessJson"/> it is the documented JSON contract.
/// </summary>
public sealed record FairnessReport
{
    /// <summary>Every group in group order, empty intersections included (count 0, rates null).</summary>
    public required IReadOnlyList<GroupResult> Groups { get; init; }

    /// <summary>The disparities between the groups.</summary>
    public required Disparities Disparities { get; init; }

    /// <summary>All rows together (Fairlearn's <c>overall</c>).</summary>
    public required GroupRates Overall { get; init; }

    /// <summary>The settings the audit ran with.</summary>
    public required FairnessSettings Settings { get; init; }

    /// <summary>Where the rows came from, or null when not known.</summary>
    public FairnessSource? Source { get; init; }

    /// <summary>Plain-language notes on what is undefined or left out, e.g. a group without positive labels.</summary>
    public required IReadOnlyList<string> Notes { get; init; }
}
