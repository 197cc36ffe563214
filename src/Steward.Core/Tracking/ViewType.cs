namespace Steward.Tracking;

/// <summary>Which lifecycle stages a search returns.</summary>
public enum ViewType
{
    ActiveOnly,
    DeletedOnly,
    All,
}
