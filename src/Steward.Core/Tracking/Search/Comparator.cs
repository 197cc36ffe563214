namespace Steward.Tracking.Search;

/// <summary>The comparison in one filter clause.</summary>
public enum Comparator
{
    Equal,
    NotEqual,
    Greater,
    GreaterOrEqual,
    Less,
    LessOrEqual,
    Like,
    ILike,
    In,
    NotIn,
}
