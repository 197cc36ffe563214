using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Steward.Server.Tests.Support;

/// <summary>A log provider that keeps every entry a server writes, for tests that read its log.</summary>
public sealed class CapturedLog : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedEntry> _entries = new();

    public IReadOnlyList<CapturedEntry> Entries => _entries.ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            log._entries.Enqueue(new CapturedEntry(category, logLevel, formatter(state, exception), exception));
    }
}

public sealed record CapturedEntry(string Category, LogLevel Level, string Message, Exception? Exception);
