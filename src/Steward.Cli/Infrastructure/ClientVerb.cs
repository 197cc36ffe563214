using System.CommandLine;
using Steward.Cli.Output;
using Steward.Client;

namespace Steward.Cli.Infrastructure;

/// <summary>Wiring shared by every client verb: the server and output options, a client, error handling.</summary>
internal static class ClientVerb
{
    /// <summary>Adds <c>--server</c>, <c>--token</c> and <c>--output</c> to a command and runs <paramref name="action"/> with a connected client.</summary>
    public static void SetClientAction(this Command command, Func<ParseResult, StewardClient, OutputFormat, CancellationToken, Task<int>> action)
    {
        command.Options.Add(CliOptions.Server);
        command.Options.Add(CliOptions.Token);
        command.Options.Add(CliOptions.Output);
        command.SetAction((parse, cancellationToken) =>
        {
            Uri? server = null;
            return CliAction.RunAsync(
                async () =>
                {
                    server = ServerAddress.Resolve(parse.GetValue(CliOptions.Server));
                    // Without --token the client takes $STEWARD_TOKEN, else $MLFLOW_TRACKING_TOKEN.
                    using var client = new StewardClient(server, NonEmpty(parse.GetValue(CliOptions.Token)));
                    return await action(parse, client, parse.GetValue(CliOptions.Output), cancellationToken);
                },
                () => server);
        });
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
