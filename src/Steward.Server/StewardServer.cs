using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Steward.Audit.Heads;
using Steward.Identity;
using Steward.Server.Hosting;
using Steward.Server.Identity;
using Steward.Server.Ledger;
using Steward.Server.ModelAudits;
using Steward.Storage;
using Steward.Storage.Ledger;
using Steward.Web.Hosting;

namespace Steward.Server;

/// <summary>
/// A running Steward server: storage opened and migrated, HTTP listening. The CLI's
/// <c>steward server</c> and the end-to-end tests both start it through <see cref="StartAsync"/>.
/// </summary>
public sealed class StewardServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly StewardStorage _storage;

    private StewardServer(WebApplication app, StewardStorage storage, Uri address, AuthenticationPolicy policy, CreatedApiToken? bootstrap)
    {
        _app = app;
        _storage = storage;
        Address = address;
        CredentialsRequired = policy.CredentialsRequired;
        CredentialsDescription = policy.Describe();
        BootstrapAdmin = bootstrap;
    }

    /// <summary>The base address clients use, e.g. <c>http://127.0.0.1:5000</c>.</summary>
    public Uri Address { get; }

    /// <summary>What the server runs on, for the start-up message.</summary>
    public string StorageDescription => _storage.Description;

    /// <summary>True when every request except <c>/health</c> must authenticate (see <see cref="StewardServerOptions.RequireTokens"/>).</summary>
    public bool CredentialsRequired { get; }

    /// <summary>What the server says at start about credentials.</summary>
    public string CredentialsDescription { get; }

    /// <summary>
    /// The first admin's token, when this start created it (credentials required and no enabled
    /// admin existed): the host shows it once; it is stored only as its hash.
    /// </summary>
    public CreatedApiToken? BootstrapAdmin { get; }

    /// <param name="options">Where to listen and what storage to use.</param>
    /// <param name="cancellationToken">Cancels start-up.</param>
    /// <param name="logging">Adds log providers (none by default).</param>
    /// <param name="services">
    /// Replaces services after Steward's own are registered — how a host plugs in its
    /// <see cref="Registry.IVersionChangeGate"/>, and how tests put in a gate that refuses.
    /// </param>
    public static async Task<StewardServer> StartAsync(
        StewardServerOptions options,
        CancellationToken cancellationToken,
        Action<ILoggingBuilder>? logging = null,
        Action<IServiceCollection>? services = null)
    {
        var storage = await StewardStorage.OpenAsync(
            new StorageOptions
            {
                DataDirectory = options.DataDirectory, PostgresConnectionString = options.Database, LedgerKeyPath = options.LedgerKeyPath,
                ArtifactDirectory = options.ArtifactDirectory,
            },
            cancellationToken);
        return await StartWithStorageAsync(options, storage, cancellationToken, logging, services);
    }

    /// <summary>
    /// Starts the server on storage the caller opened, which the server then owns: how the
    /// benchmark runs Steward on storage whose writes record no ledger entries.
    /// </summary>
    internal static async Task<StewardServer> StartWithStorageAsync(
        StewardServerOptions options,
        StewardStorage storage,
        CancellationToken cancellationToken,
        Action<ILoggingBuilder>? logging = null,
        Action<IServiceCollection>? services = null)
    {
        try
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            logging?.Invoke(builder.Logging);
            // The request log (RequestLog) replaces the framework's request lines, which would
            // repeat each request twice more and carry its query string, where tokens may ride.
            builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
            // The usual logging configuration (appsettings.json's Logging section, variables such as
            // Logging__LogLevel__Steward.Requests=Warning) read again after the host's defaults, so
            // that where both name the same category, the configuration wins.
            builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
            builder.WebHost.UseKestrel(kestrel =>
            {
                kestrel.AddServerHeader = false;
                kestrel.Limits.MaxRequestBodySize = null; // artifact uploads can be large; RequestBodyLimits caps every other endpoint
            });
            builder.WebHost.UseUrls($"http://{FormatHost(options.Host)}:{options.Port}");
            var policy = AuthenticationPolicy.For(options.Host, options.RequireTokens);
            // The ledger's key, checked against the one that signed it: a missing, bad or other key stops start-up.
            builder.Services.AddSingleton(await LedgerSigningKey.LoadAsync(storage, cancellationToken));
            builder.Services.AddStewardServices(storage, options, policy);
            builder.Services.AddSingleton(new HeadSchedule(options.LedgerHeadEntries, options.LedgerHeadInterval));
            builder.Services.AddHostedService<LedgerHeadPublisher>();
            services?.Invoke(builder.Services);

            var app = builder.Build();
            // The folder audits read is there from the first start, where the docs say to put files.
            Directory.CreateDirectory(app.Services.GetRequiredService<DataSetFolder>().Root);
            var removed = await storage.RemoveAbandonedArtifactWritesAsync(app.Services.GetRequiredService<TimeProvider>(), cancellationToken);
            if (removed.Count > 0)
            {
                ServerLog.RemovedAbandonedArtifactWrites(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger<StewardServer>(), removed.Count, string.Join(", ", removed.Take(20)));
            }

            var bootstrap = policy.CredentialsRequired ? await app.Services.GetRequiredService<AdminBootstrap>().RunAsync(cancellationToken) : null;
            app.UseStewardRequestLog();
            app.UseStewardTrustedProxies(options.TrustedProxies);
            app.UseMiddleware<RequestIds>();
            app.UseMiddleware<RequestBodyLimits>();
            app.UseStewardAuthentication();
            app.UseStewardConcurrencyLimits();
            app.UseStewardWeb();
            app.MapStewardEndpoints();
            app.MapStewardWeb();
            await app.StartAsync(cancellationToken);

            var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new StewardServer(app, storage, new Uri(bound.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)), policy, bootstrap);
        }
        catch
        {
            await storage.DisposeAsync();
            throw;
        }
    }

    /// <summary>The host's services, for tests that reach inside (the denial tally).</summary>
    internal IServiceProvider Services => _app.Services;

    /// <summary>Completes when the host is asked to stop (Ctrl-C, SIGTERM or <see cref="StopAsync"/>).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => _app.WaitForShutdownAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => _app.StopAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _storage.DisposeAsync();
    }

    private static string FormatHost(string host) => host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('[') ? $"[{host}]" : host;
}
