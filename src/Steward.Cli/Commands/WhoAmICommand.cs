using System.CommandLine;
using Steward.Cli.Infrastructure;
using Steward.Cli.Output;
using Steward.Client;

namespace Steward.Cli.Commands;

/// <summary><c>steward whoami</c>: who the server takes you for.</summary>
internal static class WhoAmICommand
{
    public static Command Create()
    {
        var command = new Command("whoami", "Show who the server takes you for: name, roles, domains, permissions.");
        command.SetClientAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, StewardClient client, OutputFormat output, CancellationToken cancellationToken)
    {
        var me = await client.GetMeAsync(cancellationToken);
        if (output == OutputFormat.Json)
        {
            Printer.Json(me);
            return ExitCodes.Ok;
        }

        Printer.Write(Printer.Details($"You are {me.Name}", [
            ("Name", me.Name),
            ("Display name", me.DisplayName),
            ("Email", me.Email),
            ("Roles", string.Join(", ", me.Roles)),
            ("Domains", me.AllDomains ? $"all (default {me.DefaultDomain})" : me.Domains.Count == 0 ? "none" : string.Join(", ", me.Domains)),
            ("Authenticated by", me.AuthenticatedBy),
            ("Permissions", string.Join(", ", me.Permissions)),
        ]));
        return ExitCodes.Ok;
    }
}
