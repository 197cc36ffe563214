using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Steward.Server.Mlflow;
using Steward.Server.NativeApi;

namespace Steward.Server.Hosting;

/// <summary>Every route the server answers, feature by feature.</summary>
internal static class EndpointRegistration
{
    public static void MapStewardEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", () => TypedResults.Text("OK"));
        app.MapGet("/version", () => TypedResults.Text(typeof(EndpointRegistration).Assembly.GetName().Version?.ToString(3) ?? "0.1.0"));
        app.MapMlflowApi();
        app.MapNativeApi();
    }
}
