using System.Net;

namespace Steward.Client;

/// <summary>
/// The server refused or failed a request. Carries the HTTP status and the problem details the
/// native API returns (RFC 7807). Network failures are not wrapped: they surface as
/// <see cref="HttpRequestException"/>.
/// </summary>
public sealed class StewardApiException : Exception
{
    /// <summary>Creates the exception from a problem response.</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="errorCode">The problem's <c>errorCode</c>, e.g. <c>RESOURCE_DOES_NOT_EXIST</c>.</param>
    /// <param name="detail">The human-readable explanation, naming the field at fault.</param>
    /// <param name="problemType">The problem's stable <c>type</c> URI.</param>
    public StewardApiException(HttpStatusCode statusCode, string? errorCode, string detail, string? problemType)
        : base(detail)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        Detail = detail;
        ProblemType = problemType;
    }

    /// <summary>The HTTP status of the response.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>
    /// The error code in MLflow's spelling (<c>INVALID_PARAMETER_VALUE</c>,
    /// <c>RESOURCE_DOES_NOT_EXIST</c>, <c>RESOURCE_ALREADY_EXISTS</c>, <c>PERMISSION_DENIED</c>,
    /// <c>UNAUTHENTICATED</c>, <c>NOT_IMPLEMENTED</c>, <c>REQUEST_LIMIT_EXCEEDED</c>, <c>INTERNAL_ERROR</c>), or <c>GATE_CLOSED</c> (409:
    /// a lifecycle gate refused a stage or alias change, the detail listing every unmet gate), or null when the
    /// response was not a problem document (a proxy's error page, say).
    /// </summary>
    public string? ErrorCode { get; }

    /// <summary>The problem's <c>detail</c>: what was wrong, naming the field.</summary>
    public string Detail { get; }

    /// <summary>The problem's <c>type</c> URI, stable per kind of error.</summary>
    public string? ProblemType { get; }
}
