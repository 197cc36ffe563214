using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Steward.Errors;

namespace Steward.Server.NativeApi;

/// <summary>
/// The native API's problem+json for an <see cref="ErrorCode"/>: its problem type and title; the
/// status is <see cref="ErrorStatus"/>'s, the one every surface uses. The <c>type</c> URIs and <c>errorCode</c> values are part of the contract: never change one.
/// </summary>
internal static class Problems
{
    public const string ContentType = "application/problem+json";
    private const string TypeBase = "https://steward.dev/errors/";

    /// <summary>The status of <paramref name="code"/>: <see cref="ErrorStatus"/>'s, as on every surface.</summary>
    public static int Status(ErrorCode code) => ErrorStatus.Of(code);

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
