using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Steward.Audit;
using Steward.Errors;
using Steward.Identity;
using Steward.Server.Hosting;
using Steward.Server.Identity;

namespace Steward.Server.Mlflow.Protocol;

/// <summary>How an endpoint reads its request.</summary>
/// <param name="MaxBodyBytes">Largest body accepted; refused with 413 before it is read.</param>
/// <param name="TooLarge">Message for a body over the limit, given its size when known.</param>
/// <param name="ParseRequest">False for endpoints that read the raw body themselves (artifact uploads).</param>
/// <param name="Streamed">True for uploads streamed to the artifact store, which take a body of any size.</param>
/// <param name="Requires">
/// A permission (and the ledger's name for the action) demanded by its policy before the endpoint
/// runs and so before the body is read, for
/// endpoints that accept bodies larger than the default: a caller that may never write is
/// refused before it can make the server read megabytes.
/// </param>
internal sealed record EndpointOptions(int MaxBodyBytes, Func<long?, string>? TooLarge = null, bool ParseRequest = true, bool Streamed = false, (Permission Permission, string Action)? Requires = null)
{
    public static EndpointOptions Default { get; } = new(Limits.MaxRequestBytes);

    /// <summary>Reads no JSON and takes no body (downloads, deletes).</summary>
    public static EndpointOptions Raw { get; } = new(Limits.MaxRequestBytes, ParseRequest: false);

    /// <summary>Streams the body to the artifact store.</summary>
    public static EndpointOptions Upload { get; } = new(0, ParseRequest: false, Streamed: true);

    /// <summary>
    /// A write: its permission's role is demanded before the body is read or parsed, so a caller
    /// who may never make it learns nothing of what would be accepted (the services check the domain).
    /// </summary>
    public static EndpointOptions Write(Permission permission, string action) => Default with { Requires = (permission, action) };

    /// <summary>This endpoint's options with <paramref name="permission"/> demanded first, as <see cref="Write"/>.</summary>
    public EndpointOptions Writing(Permission permission, string action) => this with { Requires = (permission, action) };

    /// <summary>The limit <see cref="RequestBodyLimits"/> applies before the endpoint runs.</summary>
    public RequestBodyLimit BodyLimit => Streamed ? RequestBodyLimit.Streamed : new RequestBodyLimit(MaxBodyBytes, TooLarge);
}

/// <summary>
/// Maps MLflow RPCs at every prefix MLflow serves them under, runs each through one error
/// boundary, and answers unknown routes (404) and wrong methods (405) with MLflow-style JSON
/// instead of an empty page.
/// </summary>
internal sealed class MlflowRoutes(IEndpointRouteBuilder app, MlflowServices services, ILogger logger)
{
    /// <summary>The REST prefix and the prefix the MLflow UI uses; both serve the same RPCs.</summary>
    public static readonly string[] TrackingPrefixes = ["/api/2.0/mlflow", "/ajax-api/2.0/mlflow"];

    public static readonly string[] ArtifactPrefixes = ["/api/2.0/mlflow-artifacts", "/ajax-api/2.0/mlflow-artifacts"];

    private readonly List<(string[] Segments, string Method)> _known = [];

    /// <summary>True for paths under any MLflow prefix, which answer errors in MLflow's format.</summary>
    public static bool IsMlflowPath(PathString path) =>
        TrackingPrefixes.Concat(ArtifactPrefixes).Any(prefix => path.StartsWithSegments(prefix, StringComparison.Ordinal));

    public void Get(string path, MlflowHandler handler) => Map(TrackingPrefixes, HttpMethods.Get, path, handler);

    public void Post(string path, MlflowHandler handler, EndpointOptions? options = null) => Map(TrackingPrefixes, HttpMethods.Post, path, handler, options);

    public void Patch(string path, MlflowHandler handler, EndpointOptions? options = null) => Map(TrackingPrefixes, HttpMethods.Patch, path, handler, options);

    public void Delete(string path, MlflowHandler handler, EndpointOptions? options = null) => Map(TrackingPrefixes, HttpMethods.Delete, path, handler, options);

    public void Map(IEnumerable<string> prefixes, string method, string path, MlflowHandler handler, EndpointOptions? options = null)
    {
        var endpointOptions = options ?? EndpointOptions.Default;
        foreach (var prefix in prefixes)
        {
            var template = prefix + path;
            var endpoint = app.MapMethods(template, [method], http => InvokeAsync(http, handler, endpointOptions)).WithMetadata(endpointOptions.BodyLimit);
            if (endpointOptions.Requires is var (permission, action))
            {
                endpoint.RequirePermission(permission, action, http => AuditResources.Request(http.Request.Method, http.Request.Path.Value ?? "/"));
            }

            _known.Add((Segments(template), method));
        }
    }

    /// <summary>
    /// Answers everything else under the MLflow prefixes: 405 when the path exists with another
    /// method, otherwise 404 ENDPOINT_NOT_FOUND. Call after mapping every endpoint.
    /// </summary>
    public void MapFallbacks()
    {
        foreach (var prefix in TrackingPrefixes.Concat(ArtifactPrefixes))
        {
            app.MapFallback(prefix + "/{**rest}", NotFoundAsync);
        }
    }

    private async Task InvokeAsync(HttpContext http, MlflowHandler handler, EndpointOptions options)
    {
        MlflowRequest? request = null;
        try
        {
            request = options.ParseRequest
                ? await RequestBody.ReadAsync(http, options.MaxBodyBytes, options.TooLarge ?? (size => RequestBodyLimit.Message(size, options.MaxBodyBytes)), http.RequestAborted)
                : MlflowRequest.Empty();
            await handler(new MlflowCall(http, request, services));
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nobody is left to answer.
        }
        catch (Exception e)
        {
            await FailAsync(http, e);
        }
        finally
        {
            request?.Dispose();
        }
    }

    private async Task FailAsync(HttpContext http, Exception error)
    {
        if (http.Response.HasStarted)
        {
            MlflowLog.FailedAfterStart(logger, http.Request.Method, http.Request.Path, http.TraceIdentifier, error);
            http.Abort();
            return;
        }

        http.Response.Clear();
        http.Response.Headers[Hosting.RequestIds.Header] = http.TraceIdentifier;
        switch (error)
        {
            case StewardException e:
                await MlflowErrors.WriteAsync(http, e);
                break;
            case BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } e:
                await MlflowErrors.WriteAsync(http, new StewardException(ErrorCode.RequestTooLarge, e.Message));
                break;
            case BadHttpRequestException e:
                // Kestrel's own complaints about the request (truncated body, bad framing) are the client's.
                await MlflowErrors.WriteAsync(http, StatusCodes.Status400BadRequest, "INVALID_PARAMETER_VALUE", e.Message);
                break;
            default:
                MlflowLog.UnhandledError(logger, http.Request.Method, http.Request.Path, http.TraceIdentifier, error);
                await MlflowErrors.WriteInternalAsync(http);
                break;
        }
    }

    private Task NotFoundAsync(HttpContext http)
    {
        if (HasDotSegments(http))
        {
            // Kestrel resolved `..` before routing, which can land a traversal attempt on a
            // path that does not exist; answer it as what it is.
            return MlflowErrors.WriteAsync(http, StatusCodes.Status400BadRequest, "INVALID_PARAMETER_VALUE", "Invalid path");
        }

        var path = Segments(http.Request.Path.Value ?? "");
        var allowed = _known.Where(k => Matches(k.Segments, path)).Select(k => k.Method).Distinct().ToList();
        if (allowed.Count > 0)
        {
            http.Response.Headers.Allow = string.Join(", ", allowed);
            return MlflowErrors.WriteAsync(http, StatusCodes.Status405MethodNotAllowed, MlflowErrors.BadRequest,
                $"The method {http.Request.Method} is not allowed for {http.Request.Path}; use {string.Join(" or ", allowed)}.");
        }

        return MlflowErrors.WriteAsync(http, StatusCodes.Status404NotFound, MlflowErrors.EndpointNotFound,
            $"No MLflow endpoint {http.Request.Method} {http.Request.Path}.");
    }

    private static bool HasDotSegments(HttpContext http)
    {
        var raw = http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? "";
        var query = raw.IndexOf('?', StringComparison.Ordinal);
        var path = Uri.UnescapeDataString(query < 0 ? raw : raw[..query]);
        return path.Split('/').Any(segment => segment is "." or "..");
    }

    private static string[] Segments(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Whether a route template (<c>{x}</c> one segment, <c>{**x}</c> the rest) matches a path.</summary>
    private static bool Matches(string[] template, string[] path)
    {
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i].StartsWith("{**", StringComparison.Ordinal)) return path.Length > i;
            if (i >= path.Length) return false;
            if (template[i].StartsWith('{')) continue;
            if (!template[i].Equals(path[i], StringComparison.OrdinalIgnoreCase)) return false;
        }

        return template.Length == path.Length;
    }
}
