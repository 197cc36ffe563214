using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Steward.Artifacts;
using Steward.Registry;
using Steward.Tracking;
using Steward.Tracking.LoggedModels;

namespace Steward.Server.Mlflow.Protocol;

/// <summary>Handles one MLflow RPC: reads <see cref="MlflowCall.Request"/>, calls a service, writes the response.</summary>
internal delegate Task MlflowHandler(MlflowCall call);

/// <summary>The core services the MLflow API calls, resolved once when the routes are mapped.</summary>
internal sealed record MlflowServices(
    TrackingService Tracking,
    RegistryService Registry,
    LoggedModelService LoggedModels,
    ArtifactService Artifacts);

/// <summary>One MLflow request in flight: its parsed fields, the services, and the response writers.</summary>
internal sealed class MlflowCall(HttpContext http, MlflowRequest request, MlflowServices services)
{
    public HttpContext Http { get; } = http;

    public MlflowRequest Request { get; } = request;

    public TrackingService Tracking => services.Tracking;

    public RegistryService Registry => services.Registry;

    public LoggedModelService LoggedModels => services.LoggedModels;

    public ArtifactService Artifacts => services.Artifacts;

    /// <summary>The artifact store itself, for listings by paths from its root (reads and writes go through <see cref="Artifacts"/>, which records them).</summary>
    public IArtifactStore ArtifactStore => services.Artifacts.Store;

    public CancellationToken Aborted => Http.RequestAborted;

    /// <summary>A value from the route template, such as <c>{model_id}</c>.</summary>
    public string? RouteValue(string name) => Http.GetRouteValue(name) as string;

    /// <summary>Answers <c>{}</c>.</summary>
    public Task OkAsync() => MlflowResponse.WriteEmptyAsync(Http);

    /// <summary>Answers a response message whose fields <paramref name="writeFields"/> writes from <paramref name="state"/>.</summary>
    public Task OkAsync<T>(T state, Action<Utf8JsonWriter, T> writeFields) => MlflowResponse.WriteAsync(Http, state, writeFields);
}
