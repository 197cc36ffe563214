using Microsoft.Extensions.Logging;

namespace Steward.Server.Mlflow.Protocol;

/// <summary>The MLflow API's log messages, with stable event ids.</summary>
internal static partial class MlflowLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Error, Message = "MLflow API {Method} {Path} failed (request {RequestId})")]
    public static partial void UnhandledError(ILogger logger, string method, string path, string requestId, Exception exception);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "MLflow API {Method} {Path} failed after the response had started; the connection is aborted (request {RequestId})")]
    public static partial void FailedAfterStart(ILogger logger, string method, string path, string requestId, Exception exception);
}
