namespace Steward.Stats.Classification;

/// <summary>
/// What a rate is when its denominator is zero (precision with nothing predicted positive, recall with
/// no positive label, ...): scikit-learn's <c>zero_division</c>, named for the two values Steward uses.
/// </summary>
public enum ZeroDivision
{
    /// <summary>
    /// 0, scikit-learn's default (<c>zero_division="warn"</c>). Evaluation reports follow scikit-learn's
    /// metric functions, and their notes say where the convention applied.
    /// </summary>
    Zero,

    /// <summary>
    /// NaN (<c>zero_division=np.nan</c>): the rate is undefined. Fairness audits report it as null and
    /// leave it out of the disparities, as pandas skips NaN in Fairlearn's aggregations.
    /// </summary>
    Undefined,
}
