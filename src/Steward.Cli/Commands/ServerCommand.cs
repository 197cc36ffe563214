using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Steward.Cli.Infrastructure;
using Steward.Server;

namespace Steward.Cli.Commands;

/// <summary><c>steward server</c>: runs the Steward server in the foreground until Ctrl-C or SIGTERM.</summary>
internal static class ServerCommand
{
    public static Command Create()
    {
        var command = new Command("server", "Run the Steward server (SQLite and a local artifact folder unless --db names PostgreSQL).")
        {
            CliOptions.Host,
            CliOptions.Port,
            CliOptions.Data,
            CliOptions.Database,
            CliOptions.LedgerKey,
            CliOptions.Artifacts,
            CliOptions.DataSets,
            CliOptions.RequireTokens,
            CliOptions.MaxConcurrentRequests,
            CliOptions.TrustedProxies,
            CliOptions.HeadEntries,
            CliOptions.HeadInterval,
        };
        command.SetAction((parse, cancellationToken) => CliAction.RunAsync(() => RunAsync(parse, cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var options = new StewardServerOptions
        {
            Host = parse.GetRequiredValue(CliOptions.Host),
            Port = parse.GetValue(CliOptions.Port),
            DataDirectory = parse.GetRequiredValue(CliOptions.Data),
            Database = DatabaseOption(parse),
            LedgerKeyPath = NonEmpty(parse.GetValue(CliOptions.LedgerKey)),
            ArtifactDirectory = NonEmpty(parse.GetValue(CliOptions.Artifacts)),
            DataSetDirectory = NonEmpty(parse.GetValue(CliOptions.DataSets)),
            RequireTokens = parse.GetValue(CliOptions.RequireTokens),
            MaxConcurrentRequestsPerIdentity = parse.GetValue(CliOptions.MaxConcurrentRequests),
            TrustedProxies = parse.GetValue(CliOptions.TrustedProxies) ?? [],
            LedgerHeadEntries = parse.GetValue(CliOptions.HeadEntries) is >= 1 and var entries
                ? entries
                : throw new CliException("--head-every must be at least 1"),
            LedgerHeadInterval = DurationOptions.Parse(parse.GetRequiredValue(CliOptions.HeadInterval), "--head-interval"),
        };

        // Before anything slow (opening and migrating the database, loading the ledger): a first
        // start says what it is doing rather than sitting silent.
        Console.Out.WriteLine($"Starting Steward: data folder {Path.GetFullPath(options.DataDirectory)}, {(options.Database is null ? "SQLite" : "PostgreSQL")} database ...");
        Console.Out.Flush();
        await using var server = await StewardServer.StartAsync(options, cancellationToken, logging: AddConsoleLog);
        Console.Out.WriteLine($"Steward listening on {server.Address.AbsoluteUri.TrimEnd('/')} with {server.StorageDescription} (Ctrl-C to stop)");
        if (server.BootstrapAdmin is { } admin)
        {
            Console.Out.WriteLine($"created user '{admin.Token.UserName}' (admin) with token {admin.Secret}");
            Console.Out.WriteLine($"  it is shown only this once and expires {DateTimeOffset.FromUnixTimeMilliseconds(admin.Token.ExpiresAt!.Value).UtcDateTime:yyyy-MM-dd}; create your own token or set a password, then revoke it (id {admin.Token.Id})");
        }

        Console.Out.WriteLine($"web UI at {server.Address.AbsoluteUri}");
        // Last, so that a reader of the start-up lines knows they are complete.
        Console.Out.WriteLine(server.CredentialsDescription);

        Console.Out.Flush();
        // Returns when the host's console lifetime sees Ctrl-C or SIGTERM; disposing stops
        // Kestrel gracefully and closes the stores before the process exits 0.
        await server.WaitForShutdownAsync(cancellationToken);
        return ExitCodes.Ok;
    }

    /// <summary>
    /// The server's log on standard error (standard output keeps the start-up lines scripts read):
    /// Steward's own messages from Information up, which include every unhandled error with the
    /// request id its answer carries and a line per request (<c>Steward.Requests</c>); the
    /// framework's from Warning up. The usual logging configuration (<c>appsettings.json</c> in the
    /// current folder, <c>Logging__LogLevel__&lt;category&gt;</c> variables) overrides these defaults.
    /// </summary>
    internal static void AddConsoleLog(ILoggingBuilder logging)
    {
        logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            console.UseUtcTimestamp = true;
        });
        logging.Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        logging.SetMinimumLevel(LogLevel.Warning);
        logging.AddFilter("Steward", LogLevel.Information);
        // Session keys live in the database by design, unencrypted at rest like the rest of it;
        // Data Protection warns about that at every start.
        logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        // A failed start (a busy port) is the command's one-line error, not a stack trace here;
        // Steward's hosted services log their own failures under their own names.
        logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
    }

    /// <summary>The PostgreSQL connection string from <c>--db</c>, else <c>$STEWARD_DB</c>; null for SQLite.</summary>
    internal static string? DatabaseOption(ParseResult parse) =>
        NonEmpty(parse.GetValue(CliOptions.Database)) ?? NonEmpty(Environment.GetEnvironmentVariable("STEWARD_DB"));

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
