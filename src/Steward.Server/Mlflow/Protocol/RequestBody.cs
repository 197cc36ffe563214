using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Steward.Errors;

namespace Steward.Server.Mlflow.Protocol;

/// <summary>
/// Turns an HTTP request into an <see cref="MlflowRequest"/> the way MLflow's server does:
/// GET reads the query string; every other method reads a JSON body (DELETE and PATCH too),
/// POST and PUT must say <c>Content-Type: application/json</c>, an empty body is <c>{}</c> and
/// a body that is a JSON string is decoded a second time.
/// </summary>
internal static class RequestBody
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    /// <summary>
    /// Reads the request's fields. <paramref name="maxBytes"/> is the largest body accepted
    /// (larger ones are refused before parsing); <paramref name="tooLarge"/> words that refusal,
    /// given the body's size when known.
    /// </summary>
    public static async Task<MlflowRequest> ReadAsync(HttpContext http, int maxBytes, Func<long?, string> tooLarge, CancellationToken cancellationToken)
    {
        var request = http.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            // MLflow reads a GET's fields from its query string; a GET without one may carry JSON.
            if (request.QueryString.HasValue || request.ContentLength is null or 0) return MlflowRequest.FromQuery(request.Query);
        }
        else if (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method))
        {
            CheckContentType(request.ContentType);
        }

        if (request.ContentLength > maxBytes) throw TooLarge(tooLarge(request.ContentLength));
        var (buffer, length) = await ReadAllAsync(request.Body, maxBytes, request.ContentLength, tooLarge, cancellationToken);
        MlflowRequest? parsed = null;
        try
        {
            parsed = Parse(buffer, length);
            return parsed;
        }
        finally
        {
            // A document parsed from the buffer reads it until disposed, so the request returns it.
            if (parsed?.Owns(buffer) != true) ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>MLflow's Content-Type check: the media type before any <c>;</c> parameters must be application/json.</summary>
    internal static void CheckContentType(string? contentType)
    {
        if (contentType is null) throw StewardException.Invalid("Bad Request. Content-Type header is missing.");
        var mediaType = contentType.Split(';', 2)[0].Trim();
        if (!mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw StewardException.Invalid("Bad Request. Content-Type must be one of ['application/json'].");
        }
    }

    private static MlflowRequest Parse(byte[] buffer, int length)
    {
        var body = buffer.AsMemory(0, length);
        if (IsBlank(body.Span)) return MlflowRequest.Empty();
        JsonDocument document;
        byte[]? owned = buffer;
        try
        {
            document = JsonDocument.Parse(body, DocumentOptions);
            if (document.RootElement.ValueKind == JsonValueKind.String)
            {
                // Old clients post their JSON encoded a second time, as a string.
                var inner = document.RootElement.GetString()!;
                document.Dispose();
                owned = null;
                if (string.IsNullOrWhiteSpace(inner)) return MlflowRequest.Empty();
                document = JsonDocument.Parse(inner, DocumentOptions);
            }
        }
        catch (JsonException e)
        {
            throw StewardException.Invalid($"Malformed JSON in the request body: {e.Message}");
        }

        if (document.RootElement.ValueKind == JsonValueKind.Null)
        {
            document.Dispose();
            return MlflowRequest.Empty();
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            var kind = document.RootElement.ValueKind.ToString().ToLowerInvariant();
            document.Dispose();
            throw StewardException.Invalid($"The request body must be a JSON object, got a JSON {kind}.");
        }

        return MlflowRequest.FromJson(document, owned);
    }

    private static async Task<(byte[] Buffer, int Length)> ReadAllAsync(Stream body, int maxBytes, long? contentLength, Func<long?, string> tooLarge, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(contentLength is > 0 ? (int)contentLength.Value : 4096);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > maxBytes) throw TooLarge(tooLarge(null));
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, maxBytes + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                int read;
                try
                {
                    read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken);
                }
                catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
                {
                    // Kestrel counts a chunked body against the endpoint's limit as it streams.
                    throw TooLarge(tooLarge(null));
                }

                if (read == 0) break;
                length += read;
                if (length > maxBytes) throw TooLarge(tooLarge(null));
            }

            return (buffer, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> body)
    {
        foreach (var b in body)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) return false;
        }

        return true;
    }

    private static StewardException TooLarge(string message) => new(ErrorCode.RequestTooLarge, message);
}
