namespace Steward.Stats.Drift;

/// <summary>How a drift audit decides; every default is Evidently's unless said.</summary>
public sealed record DriftOptions
{
    /// <summary>Bins for PSI and Jensen–Shannon on numeric columns, cut at the reference's quantiles i/Bins. Default 10.</summary>
    public int Bins { get; init; } = 10;

    /// <summary>
    /// The method that decides drift for every column it applies to; null chooses per column
    /// (<see cref="DriftMethods.Default"/>). A column the method does not apply to (KS on a
    /// categorical column) keeps its default method.
    /// </summary>
    public DriftMethod? Method { get; init; }

    /// <summary>Threshold for <see cref="Method"/>; null uses the method's default (<see cref="DriftMethods.DefaultThreshold"/>).</summary>
    public double? Threshold { get; init; }

    /// <summary>The data set drifted when at least this share of the compared columns drifted. Default 0.5.</summary>
    public double DriftShare { get; init; } = 0.5;

    /// <summary>A numeric column with at most this many distinct values in both samples together is compared as categorical. Default 5.</summary>
    public int CategoricalMaxDistinct { get; init; } = 5;

    /// <summary>Reference samples up to this many values get a hypothesis test by default, larger ones a distance. Default 1000.</summary>
    public int SmallSample { get; init; } = 1000;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first option out of range.</summary>
    public void Validate()
    {
        if (Bins is < 2 or > 1000)
            throw new ArgumentException($"bins must be between 2 and 1000, not {Bins}");
        if (!(DriftShare > 0 && DriftShare <= 1))
            throw new ArgumentException($"drift share must be greater than 0 and at most 1, not {DriftShare}");
        if (CategoricalMaxDistinct < 0)
            throw new ArgumentException($"categorical distinct-value limit cannot be negative ({CategoricalMaxDistinct})");
        if (SmallSample < 0)
            throw new ArgumentException($"small-sample size cannot be negative ({SmallSample})");
        if (Threshold is { } threshold)
        {
            if (Method is not { } method)
                throw new ArgumentException("a threshold needs a method: name the method it applies to");
            if (method.IsTest() && !(threshold > 0 && threshold < 1))
                throw new ArgumentException($"the {method.Name()} threshold is a p-value and must be between 0 and 1, not {threshold}");
            if (!method.IsTest() && !(threshold > 0 && double.IsFinite(threshold)))
                throw new ArgumentException($"the {method.Name()} threshold must be a positive number, not {threshold}");
        }
    }
}
