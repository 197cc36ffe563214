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
    /// <summary>The points to keep, and whether any was dropped (every point is kept when there are at most <paramref name="limit"/>).</summary>
    public static (IReadOnlyList<T> Points, bool Thinned) Thin<T>(IEnumerable<T> curve, int limit, Func<T, (double X, double Y)> coordinates)
    {
        ArgumentNullException.ThrowIfNull(curve);
        ArgumentNullException.ThrowIfNull(coordinates);
        var thinner = new CurveThinner<T>(limit);
        foreach (var point in curve)
        {
            var (x, y) = coordinates(point);
            thinner.Add(point, x, y);
        }

        return thinner.Finish();
    }
}

/// <summary>
/// <see cref="CurveThinning"/> one point at a time, as a curve is produced, so a long curve is never held whole.
/// </summary>
internal sealed class CurveThinner<T>
{
    private readonly int _limit;
    private readonly double _resolution;
    private readonly List<(T Point, double X, double Y)> _head;
    private List<T>? _kept;
    private (T Point, double X, double Y) _pending;
    private bool _pendingKept;
    private double _lastX;
    private double _lastY;

    public CurveThinner(int limit)
    {
        if (limit < 2)
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "a curve needs at least 2 points");
        _limit = limit;
        _resolution = 1.0 / limit;
        _head = new List<(T, double, double)>(Math.Min(limit, 4096) + 1);
    }

    public void Add(T point, double x, double y)
    {
        if (_kept is null)
        {
            _head.Add((point, x, y));
            if (_head.Count <= _limit)
                return;

            // Longer than the limit: thin what was buffered, then go on point by point.
            _kept = [_head[0].Point];
            (_pending, _pendingKept, _lastX, _lastY) = (_head[0], true, _head[0].X, _head[0].Y);
            for (var i = 1; i < _head.Count; i++)
                Consider(_head[i]);
            _head.Clear();
            return;
        }

        Consider((point, x, y));
    }

    public (IReadOnlyList<T> Points, bool Thinned) Finish()
    {
        if (_kept is null)
            return (_head.Select(p => p.Point).ToList(), false);

        _kept.Add(_pending.Point); // the last point, always kept
        return (_kept.Count <= 2 * _limit ? _kept : EvenSteps(_kept, _limit), true);
    }

    private void Consider((T Point, double X, double Y) next)
    {
        if (!_pendingKept && (Math.Abs(_pending.X - _lastX) >= _resolution || Math.Abs(_pending.Y - _lastY) >= _resolution))
        {
            _kept!.Add(_pending.Point);
            (_lastX, _lastY) = (_pending.X, _pending.Y);
        }

        _pending = next;
        _pendingKept = false;
    }

    private static List<T> EvenSteps(List<T> points, int limit)
    {
        var result = new List<T>(limit);
        for (var i = 0; i < limit - 1; i++)
            result.Add(points[(int)((long)i * (points.Count - 1) / (limit - 1))]);
        result.Add(points[^1]);
        return result;
    }
}
