namespace Steward.Stats.Evaluation;

/// <summary>
/// Shortens a curve with more points than a report can usefully draw or carry (a ROC curve over ten
/// million distinct scores has millions of corners). A point is kept when it lies at least 1/limit away,
/// in either coordinate, from the last kept point; the first and last points are always kept. What is
/// dropped is closer than one pixel of a chart <c>limit</c> pixels wide, so the drawn shape is unchanged.
/// If that still leaves more than twice the limit (a curve that zigzags), points are then taken at even steps.
/// Points are read once, as they are produced, so the whole curve is never held in memory.
/// </summary>
public static class CurveThinning
{
    /// <summary>The points to keep, and whether any was dropped (every point is kept when there are at most <paramref name="limit"/>).</summary>
    public static (IReadOnlyList<T> Points, bool Thinned) Thin<T>(IEnumerable<T> curve, int limit, Func<T, (double X, double Y)> coordinates)
    {
        ArgumentNullException.ThrowIfNull(curve);
        ArgumentNullException.ThrowIfNull(coordinates);
        if (limit < 2)
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "a curve needs at least 2 points");

        using var points = curve.GetEnumerator();
        var head = new List<T>(Math.Min(limit + 1, 4096));
        while (head.Count <= limit && points.MoveNext())
            head.Add(points.Current);
        if (head.Count <= limit)
            return (head, false);

        var resolution = 1.0 / limit;
        var kept = new List<T> { head[0] };
        var (lastX, lastY) = coordinates(head[0]);
        var pending = head[0];
        var pendingKept = true;

        void Consider(T point)
        {
            if (!pendingKept)
            {
                var (x, y) = coordinates(pending);
                if (Math.Abs(x - lastX) >= resolution || Math.Abs(y - lastY) >= resolution)
                {
                    kept.Add(pending);
                    (lastX, lastY) = (x, y);
                }
            }

            pending = point;
            pendingKept = false;
        }

        for (var i = 1; i < head.Count; i++)
            Consider(head[i]);
        while (points.MoveNext())
            Consider(points.Current);
        kept.Add(pending); // the last point, always kept

        return (kept.Count <= 2 * limit ? kept : EvenSteps(kept, limit), true);
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
