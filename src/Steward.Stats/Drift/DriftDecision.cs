namespace Steward.Stats.Drift;

/// <summary>Picks a column's deciding method and threshold from the options, and applies it.</summary>
internal static class DriftDecision
{
    public static (DriftMethod Method, double Threshold) Choose(DriftColumnType type, long referenceValues, DriftOptions options)
    {
        if (options.Method is { } chosen && chosen.AppliesTo(type))
            return (chosen, options.Threshold ?? chosen.DefaultThreshold());
        var method = DriftMethods.Default(type, referenceValues, options.SmallSample);
        return (method, method.DefaultThreshold());
    }

    /// <summary>Tests drift when the p-value is below the threshold; distances when they reach it. An undefined score never drifts.</summary>
    public static bool Drifted(DriftMethod method, double? score, double threshold) =>
        score is { } s && (method.IsTest() ? s < threshold : s >= threshold);

    /// <summary>Null for NaN and infinities, which JSON cannot carry.</summary>
    public static double? Defined(double value) => double.IsFinite(value) ? value : null;
}
