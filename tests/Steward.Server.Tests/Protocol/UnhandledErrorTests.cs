using System.Net;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Steward.Server.Tests.Support;
using Steward.Tracking;

namespace Steward.Server.Tests.Protocol;

/// <summary>
/// A fault of Steward itself (here a tracking store whose experiment search throws) is logged at
/// error level under the request's id, and the 500 carries that id in its header and body.
/// </summary>
public sealed class UnhandledErrorTests
{
    [SkippableTheory, Backends]
    public async Task an_mlflow_500_carries_the_request_id_it_is_logged_under(Backend backend)
    {
        var log = new CapturedLog();
        await using var server = await StartAsync(backend, log);

        var answer = await server.Api.PostAsync("experiments/search", new { max_results = 10 });

        Assert.Equal(HttpStatusCode.InternalServerError, answer.Status);
        Assert.Equal("INTERNAL_ERROR", answer.ErrorCode);
        var id = answer.Json.GetProperty("request_id").GetString()!;
        Assert.False(string.IsNullOrEmpty(id));
        Assert.DoesNotContain("search is broken", answer.Body, StringComparison.Ordinal);
        AssertLogged(log, id);
    }

    [SkippableTheory, Backends]
    public async Task a_native_500_carries_the_request_id_it_is_logged_under(Backend backend)
    {
        var log = new CapturedLog();
        await using var server = await StartAsync(backend, log);

        using var answer = await server.Http.GetAsync("/api/v1/experiments");

        Assert.Equal(HttpStatusCode.InternalServerError, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        var header = answer.Headers.GetValues("X-Request-Id").Single();
        using var body = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        Assert.Equal(header, body.RootElement.GetProperty("traceId").GetString());
        AssertLogged(log, header);
    }

    [SkippableTheory, Backends]
    public async Task the_mlflow_500_header_and_body_give_the_same_id(Backend backend)
    {
        await using var server = await StartAsync(backend, new CapturedLog());
        using var answer = await server.Http.GetAsync("/api/2.0/mlflow/experiments/search?max_results=10");
        using var body = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        Assert.Equal(answer.Headers.GetValues("X-Request-Id").Single(), body.RootElement.GetProperty("request_id").GetString());
    }

    private static void AssertLogged(CapturedLog log, string id)
    {
        var entry = Assert.Single(log.Entries, e => e.Level == LogLevel.Error && e.Message.Contains(id, StringComparison.Ordinal));
        Assert.Equal("search is broken", entry.Exception?.Message);
    }

    private static Task<TestServer> StartAsync(Backend backend, CapturedLog log) => TestServer.StartAsync(
        backend,
        services: services =>
        {
            var real = services.Single(d => d.ServiceType == typeof(ITrackingStore)).ImplementationInstance!;
            services.AddSingleton(BrokenSearch.Wrap((ITrackingStore)real));
        },
        logging: logging => logging.AddProvider(log));

    /// <summary>The real store, except that searching experiments fails as a bug would.</summary>
    public class BrokenSearch : DispatchProxy
    {
        private ITrackingStore _inner = null!;

        public static ITrackingStore Wrap(ITrackingStore inner)
        {
            var proxy = Create<ITrackingStore, BrokenSearch>();
            ((BrokenSearch)(object)proxy)._inner = inner;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (targetMethod!.Name == nameof(ITrackingStore.SearchExperimentsAsync)) throw new InvalidOperationException("search is broken");
            try
            {
                return targetMethod.Invoke(_inner, args);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw e.InnerException;
            }
        }
    }
}
