namespace Steward.Reports.Charts;

/// <summary>Maps data values onto a pixel range, with "nice" tick values (1, 2, 5 × 10ⁿ).</summary>
internal sealed class Scale
{
    public Scale(double min, double max, double from, double to)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max))
            (min, max) = (0, 1);
        if (max <= min)
            (min, max) = max == 0 ? (0, 1) : (min - Math.Abs(min) * 0.1, max + Math.Abs(max) * 0.1);
        Min = min;
        Max = max;
        From = from;
        To = to;
    }

    public double Min { get; }
    public double Max { get; }
    public double From { get; }
    public double To { get; }

    public double Map(double value) => From + (value - Min) / (Max - Min) * (To - From);

    /// <summary>About <paramref name="count"/> round values between Min and Max.</summary>
    public IReadOnlyList<double> Ticks(int count = 5)
    {
        var step = NiceStep((Max - Min) / Math.Max(1, count));
        var first = Math.Ceiling(Min / step - 1e-9) * step;
        var ticks = new List<double>();
        for (var v = first; v <= Max + step * 1e-9; v += step)
            ticks.Add(Math.Abs(v) < step * 1e-9 ? 0 : v);
        return ticks;
    }

    /// <summary>A range starting at zero (or the data's minimum if negative) and ending on a nice value above the data.</summary>
    public static (double Min, double Max) NiceRange(double dataMin, double dataMax, bool fromZero)
    {
        var min = fromZero ? Math.Min(0, dataMin) : dataMin;
        var max = dataMax;
        if (!double.IsFinite(min) || !double.IsFinite(max) || max <= min)
            return (fromZero ? 0 : (double.IsFinite(min) ? min : 0), (double.IsFinite(max) && max > 0 ? max : 1) * (max > 0 ? 1.1 : 1));
        var step = NiceStep((max - min) / 5);
        return (fromZero && min >= 0 ? 0 : Math.Floor(min / step) * step, Math.Ceiling(max / step) * step);
    }

    private static double NiceStep(double rough)
    {
        if (!(rough > 0) || !double.IsFinite(rough))
            return 1;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var fraction = rough / magnitude;
        var nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * magnitude;
    }
}
