namespace Steward.Tracking;

/// <summary>Deleted experiments and runs are kept (soft delete) and can be restored.</summary>
public enum LifecycleStage
{
    Active,
    Deleted,
}
