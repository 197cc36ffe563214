using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Steward.Errors;

namespace Steward.Server.Hosting;

/// <summary>
/// Applies each endpoint's <see cref="RequestBodyLimit"/> before the body is read: a declared
/// Content-Length over the limit is refused with 413 at once, without reading a byte of it, and
/// the limit is handed to Kestrel so that a chunked body is counted as it streams and cut off
/// (413) the moment it passes the limit. Runs before authentication, so nothing that happens
/// before an endpoint can be made to buffer a large body.
/// </summary>
internal sealed class RequestBodyLimits(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext http)
    {
        var limit = http.GetEndpoint()?.Metadata.GetMetadata<RequestBodyLimit>() ?? RequestBodyLimit.Default;
        var feature = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false }) feature.MaxRequestBodySize = limit.MaxBytes;
        if (limit.MaxBytes is { } max && http.Request.ContentLength > max)
        {
            // Kestrel closes the connection after this answer rather than drain the body.
            return ApiErrors.WriteAsync(http, ErrorCode.RequestTooLarge, limit.Describe(http.Request.ContentLength));
        }

        return next(http);
    }
}
