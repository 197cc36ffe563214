using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Steward.Server.Mlflow.Protocol;

/// <summary>Writes an RPC's response message straight into the response body as one JSON object.</summary>
internal static class MlflowResponse
{
    /// <summary>
    /// Non-ASCII text is written as is rather than escaped: responses are application/json with
    /// nosniff, never HTML, and escaping every character costs time on large searches.
    /// </summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly byte[] EmptyObject = "{}"u8.ToArray();

    /// <summary>The <c>{}</c> of RPCs whose response message has no fields.</summary>
    public static async Task WriteEmptyAsync(HttpContext http)
    {
        var response = http.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        response.ContentLength = EmptyObject.Length;
        await response.Body.WriteAsync(EmptyObject, http.RequestAborted);
    }

    /// <summary>Writes <c>{ ...fields... }</c>, the fields written by <paramref name="writeFields"/> from <paramref name="state"/>.</summary>
    public static async Task WriteAsync<T>(HttpContext http, T state, Action<Utf8JsonWriter, T> writeFields)
    {
        var response = http.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        using (var writer = new Utf8JsonWriter(response.BodyWriter, WriterOptions))
        {
            writer.WriteStartObject();
            writeFields(writer, state);
            writer.WriteEndObject();
        }

        await response.BodyWriter.FlushAsync(http.RequestAborted);
    }
}
