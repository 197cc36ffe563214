namespace Steward.Errors;

/// <summary>
/// The one table from <see cref="ErrorCode"/> to HTTP status, shared by every surface: the
/// native API (problem+json), the MLflow API (its <c>error_code</c> JSON) and the web UI's pages
/// and downloads. Each surface words the error in its own format; none chooses its own status.
/// Plain integers, so Core needs no HTTP dependency.
/// </summary>
/// <remarks>
/// The one protocol exception lives with MLflow's error names
/// (<c>Steward.Server.Mlflow.Protocol.MlflowErrors</c>): MLflow answers a duplicate with 400,
/// and its clients expect that.
/// </remarks>
public static class ErrorStatus
{
    /// <summary>The status of a request that failed with <paramref name="code"/>.</summary>
    public static int Of(ErrorCode code) => code switch
    {
        ErrorCode.InvalidParameterValue => 400,
        ErrorCode.Unauthenticated => 401,
        ErrorCode.PermissionDenied => 403,
        ErrorCode.ResourceDoesNotExist => 404,
        ErrorCode.ResourceAlreadyExists => 409,
        // The caller may make the change; the version's state (its open gates) does not allow it.
        ErrorCode.GateClosed => 409,
        ErrorCode.RequestTooLarge => 413,
        ErrorCode.RequestLimitExceeded => 429,
        ErrorCode.NotImplemented => 501,
        // Never a user error: MLflow's clients retry a 5xx.
        ErrorCode.InternalError => 500,
        _ => 500,
    };
}
