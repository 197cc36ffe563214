using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;

namespace Steward.Server.Hosting;

/// <summary>
/// Believes <c>X-Forwarded-For</c> only from the reverse proxies the operator named
/// (<see cref="StewardServerOptions.TrustedProxies"/>, <c>--trusted-proxy</c>): from them the
/// forwarded address becomes the client address that authentication throttling, the per-address
/// concurrency limit and the ledger use; from anyone else the header is ignored. With no proxy
/// named, nothing is forwarded (ASP.NET Core's default would trust loopback).
/// </summary>
internal static class TrustedProxies
{
    public static IServiceCollection AddStewardTrustedProxies(this IServiceCollection services, IReadOnlyList<string> proxies)
    {
        var parsed = proxies.Select(Parse).ToList();
        services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            // Walk back through a chain of trusted proxies to the first address none of them is.
            forwarded.ForwardLimit = null;
            foreach (var network in parsed) forwarded.KnownIPNetworks.Add(network);
        });
        return services;
    }

    /// <summary>Adds the forwarded-headers middleware when a proxy is trusted.</summary>
    public static IApplicationBuilder UseStewardTrustedProxies(this IApplicationBuilder app, IReadOnlyList<string> proxies) =>
        proxies.Count == 0 ? app : app.UseForwardedHeaders();

    /// <summary>An address (<c>10.0.0.5</c>, <c>::1</c>) or a network in CIDR notation (<c>10.0.0.0/8</c>).</summary>
    public static System.Net.IPNetwork Parse(string proxy)
    {
        var text = proxy.Trim();
        if (System.Net.IPNetwork.TryParse(text, out var network)) return network;
        if (IPAddress.TryParse(text, out var address)) return new System.Net.IPNetwork(address, address.GetAddressBytes().Length * 8);
        throw new ArgumentException($"Invalid trusted proxy '{proxy}': expected an IP address such as 10.0.0.5 or a network such as 10.0.0.0/8.", nameof(proxy));
    }
}
