namespace Steward.Server.NativeApi.Contracts;

/// <summary>
/// RFC 7807 problem details. <c>type</c> is a stable URI per error kind, <c>errorCode</c> the
/// same kind in MLflow's spelling (INVALID_PARAMETER_VALUE...), <c>detail</c> names the field.
/// <c>traceId</c>, on internal errors only, is the id the server logged the error under.
/// </summary>
internal sealed record ProblemDto(string Type, string Title, int Status, string Detail, string ErrorCode, string? Instance, string? TraceId = null);
