namespace Steward.Errors;

/// <summary>
/// The one exception type Steward's services throw for anything a caller can act on.
/// The APIs turn it into problem+json or MLflow's error body; anything else is a 500.
/// </summary>
public sealed class StewardException : Exception
{
    public StewardException(ErrorCode code, string message) : base(message) => Code = code;

    public StewardException(ErrorCode code, string message, Exception inner) : base(message, inner) => Code = code;

    /// <summary>What kind of failure this is.</summary>
    public ErrorCode Code { get; }

    public static StewardException Invalid(string message) => new(ErrorCode.InvalidParameterValue, message);

    public static StewardException NotFound(string message) => new(ErrorCode.ResourceDoesNotExist, message);

    public static StewardException AlreadyExists(string message) => new(ErrorCode.ResourceAlreadyExists, message);
}
