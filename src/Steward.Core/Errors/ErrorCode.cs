namespace Steward.Errors;

/// <summary>
/// What went wrong, in MLflow's vocabulary so both APIs can report it without translation.
/// Each API maps a code to its HTTP status in one place.
/// </summary>
public enum ErrorCode
{
    /// <summary>A field is missing, malformed or out of its limits.</summary>
    InvalidParameterValue,
    /// <summary>The named experiment, run, model or version does not exist.</summary>
    ResourceDoesNotExist,
    /// <summary>A resource with that unique name already exists.</summary>
    ResourceAlreadyExists,
    /// <summary>The caller is not allowed to do this.</summary>
    PermissionDenied,
    /// <summary>The caller is not authenticated.</summary>
    Unauthenticated,
    /// <summary>
    /// A lifecycle gate refuses a stage or alias change: evidence, waivers or approvals the
    /// version needs are missing. The message lists every unmet gate.
    /// </summary>
    GateClosed,
    /// <summary>The operation is not implemented for this configuration.</summary>
    NotImplemented,
    /// <summary>A fault inside Steward, never caused by the request.</summary>
    InternalError,
    /// <summary>The caller made too many requests of a kind (failed authentications) and must wait.</summary>
    RequestLimitExceeded,
    /// <summary>The request body is larger than the endpoint accepts; the message names the limit.</summary>
    RequestTooLarge,
}
