using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Steward.Errors;

namespace Steward.Server.NativeApi;

/// <summary>
/// The native API's one mapping from <see cref="ErrorCode"/> to HTTP status and problem type.
/// The <c>type</c> URIs and <c>errorCode</c> values are part of the contract: never change one.
/// </summary>
internal static class Problems
{
    public const string ContentType = "application/problem+json";
    private const string TypeBase = "https://steward.dev/errors/";

    public static int Status(ErrorCode code) => code switch
    {
        ErrorCode.InvalidParameterValue => StatusCodes.Status400BadRequest,
        ErrorCode.ResourceDoesNotExist => StatusCodes.Status404NotFound,
        ErrorCode.ResourceAlreadyExists => StatusCodes.Status409Conflict,
        ErrorCode.PermissionDenied => StatusCodes.Status403Forbidden,
        // The caller may make the change; the version's state (its open gates) does not allow it.
        ErrorCode.GateClosed => StatusCodes.Status409Conflict,
        ErrorCode.Unauthenticated => StatusCodes.Status401Unauthorized,
        ErrorCode.NotImplemented => StatusCodes.Status501NotImplemented,
        ErrorCode.RequestLimitExceeded => StatusCodes.Status429TooManyRequests,
        ErrorCode.RequestTooLarge => StatusCodes.Status413PayloadTooLarge,
        _ => StatusCodes.Status500InternalServerError,
    };

    private static (string Slug, string Title, string Code) Describe(ErrorCode code) => code switch
    {
        ErrorCode.InvalidParameterValue => ("invalid-parameter-value", "Invalid parameter value", "INVALID_PARAMETER_VALUE"),
        ErrorCode.ResourceDoesNotExist => ("resource-does-not-exist", "Resource does not exist", "RESOURCE_DOES_NOT_EXIST"),
        ErrorCode.ResourceAlreadyExists => ("resource-already-exists", "Resource already exists", "RESOURCE_ALREADY_EXISTS"),
        ErrorCode.PermissionDenied => ("permission-denied", "Permission denied", "PERMISSION_DENIED"),
        ErrorCode.GateClosed => ("gate-closed", "Lifecycle gate closed", "GATE_CLOSED"),
        ErrorCode.Unauthenticated => ("unauthenticated", "Unauthenticated", "UNAUTHENTICATED"),
        ErrorCode.NotImplemented => ("not-implemented", "Not implemented", "NOT_IMPLEMENTED"),
        ErrorCode.RequestLimitExceeded => ("request-limit-exceeded", "Too many requests", "REQUEST_LIMIT_EXCEEDED"),
        ErrorCode.RequestTooLarge => ("request-too-large", "Request body too large", "REQUEST_TOO_LARGE"),
        _ => ("internal-error", "Internal error", "INTERNAL_ERROR"),
    };

    public static JsonHttpResult<ProblemDto> For(ErrorCode code, string detail, HttpContext? context = null, int? status = null)
    {
        var (slug, title, errorCode) = Describe(code);
        var statusCode = status ?? Status(code);
        var problem = new ProblemDto(TypeBase + slug, title, statusCode, detail, errorCode, context?.Request.Path.Value);
        return TypedResults.Json(problem, NativeJsonContext.Default.ProblemDto, ContentType, statusCode);
    }

    /// <summary>The answer to an unhandled error: its log id, none of its details.</summary>
    public static JsonHttpResult<ProblemDto> Internal(HttpContext context)
    {
        var (slug, title, errorCode) = Describe(ErrorCode.InternalError);
        var problem = new ProblemDto(TypeBase + slug, title, StatusCodes.Status500InternalServerError,
            $"An internal error occurred; the server log has the details under request id {context.TraceIdentifier}.", errorCode, context.Request.Path.Value, context.TraceIdentifier);
        return TypedResults.Json(problem, NativeJsonContext.Default.ProblemDto, ContentType, StatusCodes.Status500InternalServerError);
    }

    public static JsonHttpResult<ProblemDto> For(StewardException exception, HttpContext? context = null) =>
        For(exception.Code, exception.Message, context);
}
