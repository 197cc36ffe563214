using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Steward.Errors;

namespace Steward.Server.Mlflow.Protocol;

/// <summary>
/// The one place that turns Steward's error codes into MLflow's error names (MLflow's
/// <c>mlflow/exceptions.py</c>), with <see cref="ErrorStatus"/>'s statuses, and writes MLflow's error body
/// <c>{"error_code": ..., "message": ...}</c>. Clients read <c>error_code</c> from the body, and
/// retry 5xx, so a user error never maps to 5xx.
/// </summary>
internal static class MlflowErrors
{
    /// <summary>An unknown route under an MLflow prefix.</summary>
    public const string EndpointNotFound = "ENDPOINT_NOT_FOUND";

    /// <summary>A known route called with the wrong method.</summary>
    public const string BadRequest = "BAD_REQUEST";

    public const string InternalError = "INTERNAL_ERROR";

    private static readonly JsonEncodedText ErrorCodeName = JsonEncodedText.Encode("error_code");
    private static readonly JsonEncodedText MessageName = JsonEncodedText.Encode("message");
    private static readonly JsonEncodedText RequestIdName = JsonEncodedText.Encode("request_id");

    /// <summary>MLflow's error name for <paramref name="code"/>, and the status: <see cref="ErrorStatus"/>'s, but for one protocol exception.</summary>
    public static (string Name, int Status) Describe(ErrorCode code) =>
        // MLflow answers a duplicate with 400, not 409, and its clients expect that.
        (Name(code), code == ErrorCode.ResourceAlreadyExists ? StatusCodes.Status400BadRequest : ErrorStatus.Of(code));

    private static string Name(ErrorCode code) => code switch
    {
        ErrorCode.InvalidParameterValue => "INVALID_PARAMETER_VALUE",
        ErrorCode.ResourceAlreadyExists => "RESOURCE_ALREADY_EXISTS",
        ErrorCode.ResourceDoesNotExist => "RESOURCE_DOES_NOT_EXIST",
        ErrorCode.PermissionDenied => "PERMISSION_DENIED",
        // MLflow's own code for a request that conflicts with the resource's state; its clients
        // do not retry a 409.
        ErrorCode.GateClosed => "RESOURCE_CONFLICT",
        ErrorCode.Unauthenticated => "UNAUTHENTICATED",
        ErrorCode.NotImplemented => "NOT_IMPLEMENTED",
        ErrorCode.RequestLimitExceeded => "REQUEST_LIMIT_EXCEEDED",
        // MLflow's own clients know only its error names; a body over a limit is a bad parameter to them.
        ErrorCode.RequestTooLarge => "INVALID_PARAMETER_VALUE",
        _ => InternalError,
    };

    public static Task WriteAsync(HttpContext http, StewardException error)
    {
        var (name, status) = Describe(error.Code);
        return WriteAsync(http, status, name, error.Message);
    }

    /// <summary>
    /// The answer to an unhandled error: no detail of it (that is in the log), but the id the log
    /// has it under, in the body's <c>request_id</c> as in the <c>X-Request-Id</c> header.
    /// </summary>
    public static Task WriteInternalAsync(HttpContext http)
    {
        http.Response.Headers[Hosting.RequestIds.Header] = http.TraceIdentifier;
        return WriteAsync(http, StatusCodes.Status500InternalServerError, InternalError,
            $"Internal error while handling {http.Request.Method} {http.Request.Path}; the server log has the details under request id {http.TraceIdentifier}.", http.TraceIdentifier);
    }

    public static async Task WriteAsync(HttpContext http, int status, string errorCode, string message, string? requestId = null)
    {
        var response = http.Response;
        response.StatusCode = status;
        response.ContentType = "application/json";
        using (var writer = new Utf8JsonWriter(response.BodyWriter, MlflowResponse.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString(ErrorCodeName, errorCode);
            writer.WriteString(MessageName, message);
            if (requestId is not null) writer.WriteString(RequestIdName, requestId);
            writer.WriteEndObject();
        }

        await response.BodyWriter.FlushAsync(http.RequestAborted);
    }
}
