using Microsoft.AspNetCore.Routing;

namespace Steward.Server.NativeApi;

/// <summary>Steward's own REST API under <c>/api/v1/</c>: camelCase JSON, problem+json errors.</summary>
internal static class NativeApi
{
    public static IEndpointRouteBuilder MapNativeApi(this IEndpointRouteBuilder app) => app;
}
