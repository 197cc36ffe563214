using System.Net;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Steward.Client.Internal;

namespace Steward.Client;

/// <summary>
/// Logs to one run without waiting on the network: <see cref="LogMetric(string, double, long)"/>,
/// <see cref="LogParam"/> and <see cref="SetTag"/> queue their data and return at once; a
/// background task sends it in log-batch requests of at most 1000 entries, as soon as a batch is
/// full or about once a second. <see cref="DisposeAsync"/> sends the rest and ends the run.
/// </summary>
/// <remarks>
/// Thread-safe. A batch the server refuses is dropped, and its error is thrown by the next call
/// to a Log method, <see cref="FlushAsync"/>, <see cref="EndAsync"/> or <see cref="DisposeAsync"/>:
/// never lost silently. Network failures and 5xx/429 answers are retried twice first (log-batch
/// is idempotent: identical points are stored once, params keep their value).
/// </remarks>
public sealed class RunLogger : IAsyncDisposable
{
    private static readonly TimeSpan[] RetryDelays = [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1)];

    private readonly StewardClient _client;
    private readonly TimeProvider _time;
    private readonly TimeSpan _flushInterval;
    private readonly Channel<LogEntry> _queue = Channel.CreateUnbounded<LogEntry>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _sender;
    private ExceptionDispatchInfo? _error;
    private readonly Lock _endLock = new();
    private Task? _ending;
    private volatile bool _failed;

    /// <summary>Wraps an existing run, flushing about once a second.</summary>
    /// <param name="client">The client to send with.</param>
    /// <param name="runId">The run to log to.</param>
    public RunLogger(StewardClient client, string runId)
        : this(client, runId, TimeSpan.FromSeconds(1), TimeProvider.System)
    {
    }

    /// <summary>Wraps an existing run.</summary>
    /// <param name="client">The client to send with.</param>
    /// <param name="runId">The run to log to.</param>
    /// <param name="flushInterval">The longest a logged value waits before it is sent.</param>
    /// <param name="timeProvider">The clock that stamps metric points.</param>
    public RunLogger(StewardClient client, string runId, TimeSpan flushInterval, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(runId);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(flushInterval, TimeSpan.Zero);
        _client = client;
        RunId = runId;
        _flushInterval = flushInterval;
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _sender = Task.Run(SendLoopAsync);
    }

    /// <summary>The run this logger writes to.</summary>
    public string RunId { get; }

    /// <summary>Queues a metric point stamped with the current time.</summary>
    /// <param name="key">The metric's name.</param>
    /// <param name="value">The value; NaN and ±Infinity are allowed.</param>
    /// <param name="step">The step it belongs to.</param>
    public void LogMetric(string key, double value, long step = 0) =>
        LogMetric(key, value, step, _time.GetUtcNow());

    /// <summary>Queues a metric point measured at <paramref name="timestamp"/>.</summary>
    /// <param name="key">The metric's name.</param>
    /// <param name="value">The value; NaN and ±Infinity are allowed.</param>
    /// <param name="step">The step it belongs to.</param>
    /// <param name="timestamp">When it was measured.</param>
    public void LogMetric(string key, double value, long step, DateTimeOffset timestamp) =>
        Enqueue(LogEntry.ForMetric(new Metric(key, value, timestamp.ToUnixTimeMilliseconds(), step)));

    /// <summary>Queues a param; a param keeps the first value it was logged with.</summary>
    /// <param name="key">The param's name.</param>
    /// <param name="value">Its value.</param>
    public void LogParam(string key, string value) => Enqueue(new LogEntry(LogEntryKind.Param, key, value, null, null));

    /// <summary>Queues a tag, set or replaced on the run.</summary>
    /// <param name="key">The tag's key.</param>
    /// <param name="value">Its value.</param>
    public void SetTag(string key, string value) => Enqueue(new LogEntry(LogEntryKind.Tag, key, value, null, null));

    /// <summary>Makes <see cref="DisposeAsync"/> end the run as FAILED instead of FINISHED.</summary>
    public void MarkFailed() => _failed = true;

    /// <summary>Sends everything queued so far and waits until the server has stored it.</summary>
    /// <param name="cancellationToken">Stops waiting (the data is still sent).</param>
    /// <returns>A task that completes when everything queued before the call is stored.</returns>
    /// <exception cref="StewardApiException">A batch was refused since the last call.</exception>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Enqueue(new LogEntry(LogEntryKind.Flush, "", null, null, flushed));
        await flushed.Task.WaitAsync(cancellationToken);
        ThrowPendingError();
    }

    /// <summary>Sends everything queued, then ends the run with <paramref name="status"/>. Later calls do nothing.</summary>
    /// <param name="status">The run's final status.</param>
    /// <param name="cancellationToken">Cancels ending the run (queued data is still sent).</param>
    /// <returns>A task that completes when the run has ended.</returns>
    /// <exception cref="StewardApiException">A batch was refused, or the run could not be ended.</exception>
    public Task EndAsync(RunStatus status, CancellationToken cancellationToken = default)
    {
        lock (_endLock)
        {
            _ending ??= EndCoreAsync(status, cancellationToken);
        }

        return _ending;
    }

    /// <summary>Sends everything queued and ends the run: FINISHED, or FAILED after <see cref="MarkFailed"/>.</summary>
    /// <returns>A task that completes when the run has ended.</returns>
    public async ValueTask DisposeAsync() =>
        await EndAsync(_failed ? RunStatus.Failed : RunStatus.Finished, CancellationToken.None);

    private async Task EndCoreAsync(RunStatus status, CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await _sender;
        // End the run even after a refused batch, so it does not stay RUNNING; then report.
        await _client.UpdateRunAsync(RunId, status, _time.GetUtcNow().ToUnixTimeMilliseconds(), null, cancellationToken);
        ThrowPendingError();
    }

    private void Enqueue(LogEntry entry)
    {
        ThrowPendingError();
        if (!_queue.Writer.TryWrite(entry))
        {
            throw new ObjectDisposedException(nameof(RunLogger), $"The logger of run {RunId} has ended its run.");
        }
    }

    /// <summary>Throws the sender's first unreported error, once.</summary>
    private void ThrowPendingError() => Interlocked.Exchange(ref _error, null)?.Throw();

    private async Task SendLoopAsync()
    {
        var reader = _queue.Reader;
        var batch = new PendingBatch();
        var flushed = new List<TaskCompletionSource>();
        LogEntry? carried = null;
        while (carried is not null || await reader.WaitToReadAsync())
        {
            var opened = _time.GetTimestamp();
            if (carried is { } first)
            {
                batch.TryAdd(first);
                carried = null;
            }

            while (true)
            {
                if (reader.TryRead(out var entry))
                {
                    if (entry.Kind == LogEntryKind.Flush)
                    {
                        flushed.Add(entry.Flushed!);
                        break;
                    }

                    if (!batch.TryAdd(entry))
                    {
                        carried = entry; // the batch is full: this one opens the next
                        break;
                    }

                    continue;
                }

                // Nothing queued: wait for more until the interval since the batch opened is over.
                var remaining = _flushInterval - _time.GetElapsedTime(opened);
                if (remaining <= TimeSpan.Zero) break;
                using var timeout = new CancellationTokenSource(remaining, _time);
                try
                {
                    if (!await reader.WaitToReadAsync(timeout.Token)) break;
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            if (batch.Count > 0) await SendAsync(batch);
            batch.Clear();
            foreach (var waiter in flushed) waiter.TrySetResult();
            flushed.Clear();
        }
    }

    private async Task SendAsync(PendingBatch batch)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await _client.LogBatchAsync(
                    RunId,
                    batch.Metrics,
                    batch.Params.Count > 0 ? batch.Params : null,
                    batch.Tags.Count > 0 ? batch.Tags : null,
                    CancellationToken.None);
                return;
            }
            catch (Exception e) when (attempt < RetryDelays.Length && IsTransient(e))
            {
                await Task.Delay(RetryDelays[attempt], _time);
            }
            catch (Exception e)
            {
                // Keep the first unreported error; later ones are usually the same cause.
                Interlocked.CompareExchange(ref _error, ExceptionDispatchInfo.Capture(e), null);
                return;
            }
        }
    }

    private static bool IsTransient(Exception e) => e switch
    {
        HttpRequestException => true,
        StewardApiException api => api.StatusCode >= HttpStatusCode.InternalServerError || api.StatusCode == HttpStatusCode.TooManyRequests,
        _ => false,
    };
}
