using System.CommandLine;
using Steward.Cli.Infrastructure;
using Steward.Cli.Output;
using Steward.Client;

namespace Steward.Cli.Commands;

/// <summary><c>steward tokens create|list|revoke</c>: your API tokens, or anyone's as admin.</summary>
internal static class TokensCommand
{
    private static readonly Argument<string> Name = new("name") { Description = "What the token is for, e.g. ci." };
    private static readonly Argument<string> Id = new("id") { Description = "The token's id, as tokens list shows it." };

    public static Command Create()
    {
        var create = new Command("create", "Create an API token and print it: it is shown this once and never again.") { Name, CliOptions.User, CliOptions.Expires, CliOptions.Description };
        create.SetClientAction(CreateAsync);

        var list = new Command("list", "List tokens (never their secrets).") { CliOptions.User };
        list.SetClientAction(ListAsync);

        var revoke = new Command("revoke", "Revoke a token: requests with it are refused from now on.") { Id, CliOptions.User };
        revoke.SetClientAction(RevokeAsync);

        return new Command("tokens", "API tokens: what scripts, the SDK and MLflow clients authenticate with.") { create, list, revoke };
    }

    private static async Task<int> CreateAsync(ParseResult parse, StewardClient client, OutputFormat output, CancellationToken cancellationToken)
    {
        var user = await UserAsync(parse, client, cancellationToken);
        var created = await client.CreateTokenAsync(user, parse.GetRequiredValue(Name), parse.GetValue(CliOptions.Expires), parse.GetValue(CliOptions.Description), cancellationToken);
        if (output == OutputFormat.Json)
        {
            Printer.Json(created);
            return ExitCodes.Ok;
        }

        // The secret alone on stdout, so that `steward tokens create ci > token` keeps just it.
        Console.Out.WriteLine(created.Secret);
        var expires = created.Token.ExpiresAt is { } at ? $"expires {Printer.Time(at)}" : "never expires";
        await Console.Error.WriteLineAsync($"Created token '{created.Token.Name}' (id {created.Token.Id}) for {created.Token.User}; it {expires}. It is shown only this once.");
        return ExitCodes.Ok;
    }

    private static async Task<int> ListAsync(ParseResult parse, StewardClient client, OutputFormat output, CancellationToken cancellationToken)
    {
        var tokens = await client.ListTokensAsync(await UserAsync(parse, client, cancellationToken), cancellationToken);
        if (output == OutputFormat.Json)
        {
            Printer.Json(tokens);
            return ExitCodes.Ok;
        }

        var table = Printer.Table("ID", "Name", "State", "Created", "Expires", "Last used", "Created by");
        foreach (var t in tokens)
        {
            table.Row(t.Id, t.Name, t.State, Printer.Time(t.CreatedAt), t.ExpiresAt is null ? "never" : Printer.Time(t.ExpiresAt), Printer.Time(t.LastUsedAt), t.CreatedBy);
        }

        Printer.Write(table);
        return ExitCodes.Ok;
    }

    private static async Task<int> RevokeAsync(ParseResult parse, StewardClient client, OutputFormat output, CancellationToken cancellationToken)
    {
        var token = await client.RevokeTokenAsync(await UserAsync(parse, client, cancellationToken), parse.GetRequiredValue(Id), cancellationToken);
        if (output == OutputFormat.Json) Printer.Json(token);
        else Printer.Line($"Revoked token '{token.Name}' (id {token.Id}) of {token.User}");
        return ExitCodes.Ok;
    }

    /// <summary>The user named by <c>--user</c>, else the caller.</summary>
    private static async Task<string> UserAsync(ParseResult parse, StewardClient client, CancellationToken cancellationToken) =>
        parse.GetValue(CliOptions.User) is { Length: > 0 } user ? user : (await client.GetMeAsync(cancellationToken)).Name;
}
