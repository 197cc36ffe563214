namespace Steward.Client.Internal;

/// <summary>How the SDK's enums are spelt in request fields and query strings that the server reads as text.</summary>
internal static class WireNames
{
    public static string Name(RunStatus status) => status switch
    {
        RunStatus.Running => "RUNNING",
        RunStatus.Scheduled => "SCHEDULED",
        RunStatus.Finished => "FINISHED",
        RunStatus.Failed => "FAILED",
        _ => "KILLED",
    };

    public static string Name(ViewType view) => view switch
    {
        ViewType.DeletedOnly => "deleted",
        ViewType.All => "all",
        _ => "active",
    };

    public static string Name(ModelStage stage) => stage.ToString();
}
