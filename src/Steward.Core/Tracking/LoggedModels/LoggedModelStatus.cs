namespace Steward.Tracking.LoggedModels;

/// <summary>Upload state of a logged model.</summary>
public enum LoggedModelStatus
{
    Pending,
    Ready,
    UploadFailed,
}
