namespace Steward.Tracking;

/// <summary>Where a run is in its execution, as the client reports it.</summary>
public enum RunStatus
{
    Running,
    Scheduled,
    Finished,
    Failed,
    Killed,
}
