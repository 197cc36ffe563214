namespace Steward.Contracts;

/// <summary>
/// RFC 7807 problem details, the body of every error the native API returns
/// (<c>application/problem+json</c>).
/// </summary>
/// <param name="Type">A stable URI per kind of error.</param>
/// <param name="Title">The kind of error, for people.</param>
/// <param name="Status">The HTTP status.</param>
/// <param name="Detail">What was wrong, naming the field at fault.</param>
/// <param name="ErrorCode">The same kind in MLflow's spelling (<c>INVALID_PARAMETER_VALUE</c>...).</param>
/// <param name="Instance">The request path.</param>
/// <param name="TraceId">On internal errors only: the id the server logged the error under.</param>
public sealed record ProblemDto(string Type, string Title, int Status, string Detail, string ErrorCode, string? Instance, string? TraceId = null);
