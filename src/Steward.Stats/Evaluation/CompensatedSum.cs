namespace Steward.Stats.Evaluation;

/// <summary>
/// Neumaier's compensated summation: the error of a sum of millions of terms stays near one rounding,
/// so means agree with NumPy's pairwise sums far below the 1e-9 the references are checked to.
/// </summary>
internal struct CompensatedSum
{
    private double _sum;
    private double _compensation;

    public readonly double Value => _sum + _compensation;

    public void Add(double term)
    {
        var next = _sum + term;
        _compensation += Math.Abs(_sum) >= Math.Abs(term) ? (_sum - next) + term : (term - next) + _sum;
        _sum = next;
    }
}
