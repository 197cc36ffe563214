using Microsoft.Extensions.Logging;

namespace Steward.Server.Hosting;

/// <summary>The server host's log messages, with stable event ids.</summary>
internal static partial class ServerLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Removed {Count} artifact writes a stopped server left unfinished: {Paths}")]
    public static partial void RemovedAbandonedArtifactWrites(ILogger logger, int count, string paths);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "Unhandled error serving {Method} {Path} (request {RequestId})")]
    public static partial void UnhandledError(ILogger logger, Exception exception, string method, string path, string requestId);
}
