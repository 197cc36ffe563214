using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Steward.Server.Hosting;
using Steward.Server.Tests.Support;

namespace Steward.Server.Tests.Logging;

/// <summary>A test server whose log a test reads, optionally under a logging configuration, and the request lines in it.</summary>
internal static class RequestLogServer
{
    /// <param name="log">Receives everything the server logs.</param>
    /// <param name="requireTokens">Require credentials although the server listens on loopback.</param>
    /// <param name="logLevels">A configuration's <c>Logging:LogLevel</c> section: category to level.</param>
    public static Task<TestServer> StartAsync(CapturedLog log, bool requireTokens = false, IReadOnlyDictionary<string, string>? logLevels = null) =>
        TestServer.StartAsync(Backend.Sqlite, requireTokens, logging: logging =>
        {
            logging.AddProvider(log);
            if (logLevels is null) return;
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(logLevels.Select(level => KeyValuePair.Create($"LogLevel:{level.Key}", (string?)level.Value)))
                .Build();
            logging.AddConfiguration(configuration);
        });

    /// <summary>The request log's entries so far.</summary>
    public static IReadOnlyList<CapturedEntry> Lines(CapturedLog log) => log.Entries.Where(e => e.Category == RequestLog.Category).ToList();

    /// <summary>
    /// The request log's entry for <paramref name="method"/> <paramref name="path"/>, waiting for it: the
    /// line is written once the pipeline has returned, which may be just after the client has the answer.
    /// </summary>
    public static async Task<CapturedEntry> LineForAsync(CapturedLog log, string method, string path)
    {
        var prefix = $"{method} {path} answered ";
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(10); waited += TimeSpan.FromMilliseconds(20))
        {
            if (Lines(log).FirstOrDefault(e => e.Message.StartsWith(prefix, StringComparison.Ordinal)) is { } line) return line;
            await Task.Delay(20);
        }

        throw new Xunit.Sdk.XunitException($"no request line for {method} {path}; the log has:\n{string.Join('\n', Lines(log).Select(e => e.Message))}");
    }
}
