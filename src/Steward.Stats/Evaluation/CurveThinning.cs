namespace Steward.Stats.Evaluation;

/// <summary>
/// Shortens a curve with more points than a report can usefully draw or carry (a ROC curve over ten
/// million distinct scores has millions of corners). A point is kept when it lies at least 1/limit away,
/// in either coordinate, from the last kept point; the first and last points are always kept. What is
/// dropped is closer than one pixel of a chart <c>limit</c> pixels wide, so the drawn shape is unchanged.
/// If that still leaves more than twice the limit (a curve that zigzags), points are then taken at even steps.
/// </summary>
public static class CurveThinning
{
    /// <summary>The points of <paramref name="curve"/> to keep; the curve itself when it has at most <paramref name="limit"/> points.</summary>
    public static IReadOnlyList<T> Thin<T>(IReadOnlyList<T> curve, int limit, Func<T, (double X, double Y)> coordinates)
    {
        ArgumentNullException.ThrowIfNull(curve);
        ArgumentNullException.ThrowIfNull(coordinates);
        if (curve.Count <= limit)
            return curve;

        var resolution = 1.0 / limit;
        var kept = new List<T> { curve[0] };
        var (lastX, lastY) = coordinates(curve[0]);
        for (var i = 1; i < curve.Count - 1; i++)
        {
            var (x, y) = coordinates(curve[i]);
            if (Math.Abs(x - lastX) >= resolution || Math.Abs(y - lastY) >= resolution)
            {
                kept.Add(curve[i]);
                (lastX, lastY) = (x, y);
            }
        }

        kept.Add(curve[^1]);
        return kept.Count <= 2 * limit ? kept : EvenSteps(kept, limit);
    }

    private static List<T> EvenSteps<T>(List<T> points, int limit)
    {
        var result = new List<T>(limit);
        for (var i = 0; i < limit - 1; i++)
            result.Add(points[(int)((long)i * (points.Count - 1) / (limit - 1))]);
        result.Add(points[^1]);
        return result;
    }
}
