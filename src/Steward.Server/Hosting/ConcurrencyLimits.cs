using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Steward.Errors;
using Steward.Identity;

namespace Steward.Server.Hosting;

/// <summary>
/// Caps the requests one identity may have in progress at once
/// (<see cref="StewardServerOptions.MaxConcurrentRequestsPerIdentity"/>): an authenticated user
/// is one partition whatever address it comes from, anyone without an identity yet (the sign-in
/// page, the local admin of a loopback server) is partitioned by client address. A request over
/// the cap is answered 429 with <c>Retry-After</c> at once, without queueing, so one client
/// cannot hold every worker and every buffer while the others wait.
/// </summary>
/// <remarks>
/// Runs after authentication, since the partition is the identity it proved. The count is this
/// server process's: each replica of a deployment allows its own cap.
/// </remarks>
internal static class ConcurrencyLimits
{
    /// <summary>What a client refused here is told to wait before trying again.</summary>
    private const int RetryAfterSeconds = 1;

    public static IServiceCollection AddStewardConcurrencyLimits(this IServiceCollection services, int maxPerIdentity)
    {
        if (maxPerIdentity <= 0) return services;
        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                http.Request.Path.Equals("/health", StringComparison.OrdinalIgnoreCase)
                    ? RateLimitPartition.GetNoLimiter("health")
                    : RateLimitPartition.GetConcurrencyLimiter(PartitionOf(http), _ => new ConcurrencyLimiterOptions { PermitLimit = maxPerIdentity, QueueLimit = 0 }));
            limiter.OnRejected = (context, _) =>
            {
                var http = context.HttpContext;
                http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                return new ValueTask(ApiErrors.WriteAsync(http, ErrorCode.RequestLimitExceeded,
                    $"Too many requests in progress for {Describe(http)}: at most {maxPerIdentity} at once; try again in {RetryAfterSeconds} s."));
            };
        });
        services.AddSingleton(new ConcurrencyLimitsEnabled());
        return services;
    }

    /// <summary>Adds the limiter to the pipeline, when <see cref="AddStewardConcurrencyLimits"/> enabled it.</summary>
    public static IApplicationBuilder UseStewardConcurrencyLimits(this IApplicationBuilder app) =>
        app.ApplicationServices.GetService<ConcurrencyLimitsEnabled>() is null ? app : app.UseRateLimiter();

    /// <summary>The partition: the authenticated user, else the client address.</summary>
    internal static string PartitionOf(HttpContext http) =>
        http.Features.Get<Principal>() is { Method: not AuthenticationMethod.LocalAdmin } principal
            ? "user:" + principal.Name
            : "address:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    private static string Describe(HttpContext http) =>
        http.Features.Get<Principal>() is { Method: not AuthenticationMethod.LocalAdmin } principal
            ? $"user '{principal.Name}'"
            : $"address {http.Connection.RemoteIpAddress}";

    private sealed class ConcurrencyLimitsEnabled;
}
