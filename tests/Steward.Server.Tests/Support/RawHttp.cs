using System.Net.Sockets;
using System.Text;

namespace Steward.Server.Tests.Support;

/// <summary>
/// HTTP/1.1 over a bare socket, for what HttpClient will not send: a Content-Length the body does
/// not live up to, a chunked body written until the server answers, a request held open.
/// </summary>
public sealed class RawHttp : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;

    private RawHttp(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
    }

    /// <summary>Bytes of body written so far.</summary>
    public long BodyBytesSent { get; private set; }

    /// <summary>Whether the server has begun to answer (or refuse) the request.</summary>
    public bool Answered => _stream.DataAvailable;

    /// <summary>Connects and sends the request line and headers (a Host header is added).</summary>
    public static async Task<RawHttp> StartAsync(Uri server, string method, string path, params string[] headers)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        var raw = new RawHttp(tcp);
        var head = new StringBuilder($"{method} {path} HTTP/1.1\r\nHost: {server.Authority}\r\n");
        foreach (var header in headers) head.Append(header).Append("\r\n");
        head.Append("\r\n");
        await raw._stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
        return raw;
    }

    /// <summary>Writes part of the body.</summary>
    public async Task SendAsync(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        await _stream.WriteAsync(bytes);
        BodyBytesSent += bytes.Length;
    }

    /// <summary>
    /// Writes a chunked body in 64 KiB chunks until the server answers or closes the connection,
    /// or <paramref name="maxBytes"/> are sent.
    /// </summary>
    public async Task SendChunksUntilAnsweredAsync(long maxBytes)
    {
        var chunk = new byte[64 * 1024];
        Array.Fill(chunk, (byte)' ');
        var header = Encoding.ASCII.GetBytes($"{chunk.Length:X}\r\n");
        var trailer = "\r\n"u8.ToArray();
        try
        {
            while (BodyBytesSent < maxBytes && !_stream.DataAvailable)
            {
                await _stream.WriteAsync(header);
                await _stream.WriteAsync(chunk);
                await _stream.WriteAsync(trailer);
                BodyBytesSent += chunk.Length;
            }
        }
        catch (IOException)
        {
            // The server closed the connection after answering.
        }
    }

    /// <summary>Reads the response's status line and headers (and what body has arrived) within <paramref name="timeout"/>.</summary>
    public async Task<RawResponse> ReadResponseAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        while (true)
        {
            int read;
            try
            {
                read = await _stream.ReadAsync(buffer, cancel.Token);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException)
            {
                break;
            }

            if (read == 0) break;
            received.Write(buffer, 0, read);
            var text = Encoding.UTF8.GetString(received.ToArray());
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end < 0) continue;
            var response = RawResponse.Parse(text);
            var chunked = response.Headers.TryGetValue("transfer-encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase);
            if (chunked ? text.EndsWith("0\r\n\r\n", StringComparison.Ordinal) : Encoding.UTF8.GetByteCount(text[(end + 4)..]) >= (response.ContentLength ?? 0)) return response;
        }

        return RawResponse.Parse(Encoding.UTF8.GetString(received.ToArray()));
    }

    public ValueTask DisposeAsync()
    {
        _stream.Dispose();
        _tcp.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>A response read off the socket.</summary>
public sealed record RawResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public long? ContentLength => Headers.TryGetValue("content-length", out var value) ? long.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : null;

    public static RawResponse Parse(string text)
    {
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0) throw new InvalidOperationException($"No complete response: '{text}'");
        var lines = text[..end].Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim().ToLowerInvariant(), p => p[1].Trim());
        return new RawResponse(status, headers, text[(end + 4)..]);
    }
}
