using Microsoft.Extensions.Logging;

namespace Steward.Server.NativeApi;

/// <summary>The native API's log messages, with stable event ids.</summary>
internal static partial class NativeApiLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Error, Message = "Unhandled error serving {Method} {Path} (request {RequestId})")]
    public static partial void UnhandledError(ILogger logger, Exception exception, string method, string path, string requestId);
}
