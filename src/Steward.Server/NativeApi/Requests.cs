using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Steward.Errors;

namespace Steward.Server.NativeApi;

/// <summary>
/// Reads request bodies and loosely-typed query values so that every malformed input becomes a
/// 400 problem naming the field, instead of the framework's bare 400.
/// </summary>
internal static class Requests
{
    /// <summary>Deserializes a JSON body of at most <see cref="Limits.MaxRequestBytes"/>.</summary>
    public static async Task<T> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        // RequestBodyLimits refused a declared length over the limit and gave Kestrel the limit
        // for a chunked body; the check here holds for a body no middleware saw.
        if (request.ContentLength > Limits.MaxRequestBytes) throw TooLarge();

        T? body;
        try
        {
            // Buffered (at most MaxRequestBytes) so the text can be checked before it is bound.
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, cancellationToken);
            var json = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
            Validation.NoNulInJson(json.Span);
            body = JsonSerializer.Deserialize(json.Span, typeInfo);
        }
        catch (JsonException e)
        {
            throw StewardException.Invalid(Describe(e));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge();
        }

        return body ?? throw StewardException.Invalid("Missing request body: expected a JSON object.");
    }

    /// <summary>Requires a body field to be present, naming it as the client spelt it; emptiness is the services' call.</summary>
    public static T Required<T>(T? value, string field)
        where T : class =>
        value ?? throw Missing(field);

    public static T Required<T>(T? value, string field)
        where T : struct =>
        value ?? throw Missing(field);

    public static long? Long(string? value, string parameter)
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)) return parsed;
        throw StewardException.Invalid($"Invalid value '{value}' for parameter '{parameter}': expected an integer.");
    }

    /// <summary>
    /// A route value that may carry a key with slashes (<c>train/loss</c>): clients send it with
    /// <c>%2F</c>, which the server leaves encoded in the path, so it is decoded here.
    /// </summary>
    public static string RouteValue(string value) =>
        value.Contains('%', StringComparison.Ordinal) ? value.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase) : value;

    private static StewardException Missing(string field) =>
        StewardException.Invalid($"Missing value for required field '{field}'.");

    private static StewardException TooLarge() =>
        new(ErrorCode.RequestTooLarge, $"The request body is larger than the limit of {Limits.MaxRequestBytes} bytes.");

    /// <summary>Says what is wrong with the body in the client's terms, never naming .NET types.</summary>
    private static string Describe(JsonException e)
    {
        var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? null : e.Path;
        if (e.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            var name = e.Message.Split('\'') is { Length: > 2 } parts ? parts[1] : "?";
            return $"Unknown field '{name}' in the request body{(field is null ? "" : $" at '{field}'")}.";
        }

        if (field is not null && e.Message.Contains("could not be converted", StringComparison.Ordinal))
        {
            return $"Field '{field}' has a value of the wrong type.";
        }

        var cut = e.Message.IndexOf(" Path:", StringComparison.Ordinal);
        var reason = (cut > 0 ? e.Message[..cut] : e.Message).Trim();
        return $"The request body is not valid JSON{(field is null ? "" : $" at '{field}'")}: {reason}";
    }
}
