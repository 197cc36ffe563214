using System.CommandLine;
using Spectre.Console;
using Steward.Cli.Infrastructure;
using Steward.Cli.Output;
using Steward.Client;

namespace Steward.Cli.Commands;

/// <summary><c>steward users list|create|show|update|disable|set-password</c>.</summary>
internal static class UsersCommand
{
    private static readonly Argument<string> Name = new("name") { Description = "The user's name." };

    private static readonly Option<bool> Enable = new("--enable") { Description = "Enable a disabled user." };

    public static Command Create()
    {
        var list = new Command("list", "List the users (admin, auditor).");
        list.SetClientAction(ListAsync);

        var create = new Command("create", "Create a user (admin).") { Name, CliOptions.Roles, CliOptions.Domains, CliOptions.DisplayName, CliOptions.Email };
        create.SetClientAction(CreateAsync);

        var show = new Command("show", "Show a user: roles, domains, tokens.") { Name };
        show.SetClientAction(ShowAsync);

        var update = new Command("update", "Change a user (admin): --role and --domain replace the lists.") { Name, CliOptions.Roles, CliOptions.Domains, CliOptions.DisplayName, CliOptions.Email, Enable };
        update.SetClientAction(UpdateAsync);

        var disable = new Command("disable", "Disable a user (admin): their tokens and password stop working at once.") { Name };
        disable.SetClientAction(DisableAsync);

        var setPassword = new Command("set-password", "Set a user's password (yours, or anyone's as admin), read from standard input or asked for; for HTTP Basic and MLFLOW_TRACKING_USERNAME/PASSWORD.") { Name };
        setPassword.SetClientAction(SetPasswordAsync);

        return new Command("users", "Users: who may sign in, with which roles, in which domains.") { list, create, show, update, disable, setPassword };
    }

    private static async Task<int> ListAsync(ParseResult parse, StewardClient client, OutputFormat output, CancellationToken cancellationToken)
    {
        var users = await client.ListUsersAsync(cancellationToken);
        if (output == OutputFormat.Json)
        {
            Printer.Json(users);
            return ExitCodes.Ok;
        }

        var table = Printer.Table("Name", "Display name", "Roles", "Domains", "Enabled", "Created by");
        foreach (var u in users) table.Row(u.Name, u.DisplayName, string.Join(", ", u.Roles), string.Join(", ", u.Domains), u.Enabled ? "yes" : "no", u.CreatedBy);
        Printer.Write(table);
        return ExitCodes.Ok;
    }

    private static async Task<int> CreateAsync(ParseResult parse, StewardClient client, OutputFormat output, CancellationToken cancellationToken)
    {
        var user = await client.CreateUserAsync(
            parse.GetRequiredValue(Name), parse.GetValue(CliOptions.Roles) ?? [], parse.GetValue(CliOptions.Domains), parse.GetValue(CliOptions.DisplayName), parse.GetValue(CliOptions.Email), cancellationToken);
        return Print(user, output, $"Created user '{user.Name}'");
    }

    private static async Task<int> ShowAsync(ParseResult parse, StewardClient client, OutputFormat output, CancellationToken cancellationToken)
    {
        var user = await client.GetUserAsync(parse.GetRequiredValue(Name), cancellationToken);
        return Print(user, output, null);
    }

    private static async Task<int> UpdateAsync(ParseResult parse, StewardClient client, OutputFormat output, CancellationToken cancellationToken)
    {
        var roles = parse.GetValue(CliOptions.Roles);
        var domains = parse.GetValue(CliOptions.Domains);
        var update = new UpdateUserRequest
        {
            DisplayName = parse.GetValue(CliOptions.DisplayName),
            Email = parse.GetValue(CliOptions.Email),
            Roles = roles is { Length: > 0 } ? roles : null,
            Domains = domains is { Length: > 0 } ? domains : null,
            Enabled = parse.GetValue(Enable) ? true : null,
        };
        var user = await client.UpdateUserAsync(parse.GetRequiredValue(Name), update, cancellationToken);
        return Print(user, output, $"Updated user '{user.Name}'");
    }

    private static async Task<int> DisableAsync(ParseResult parse, StewardClient client, OutputFormat output, CancellationToken cancellationToken)
    {
        var user = await client.UpdateUserAsync(parse.GetRequiredValue(Name), new UpdateUserRequest { Enabled = false }, cancellationToken);
        return Print(user, output, $"Disabled user '{user.Name}'");
    }

    private static async Task<int> SetPasswordAsync(ParseResult parse, StewardClient client, OutputFormat output, CancellationToken cancellationToken)
    {
        var name = parse.GetRequiredValue(Name);
        string password;
        if (Console.IsInputRedirected)
        {
            // One line from standard input, so that scripts can pipe a password without it showing in `ps`.
            password = (await Console.In.ReadLineAsync(cancellationToken))?.TrimEnd('\r') ?? "";
        }
        else
        {
            password = AnsiConsole.Prompt(new TextPrompt<string>($"New password for {name}:").Secret());
            if (AnsiConsole.Prompt(new TextPrompt<string>("Again:").Secret()) != password) throw new CliException("the two passwords differ");
        }

        await client.SetPasswordAsync(name, password, cancellationToken);
        Printer.Line($"Set the password of '{name}'");
        return ExitCodes.Ok;
    }

    private static int Print(User user, OutputFormat output, string? done)
    {
        if (output == OutputFormat.Json)
        {
            Printer.Json(user);
            return ExitCodes.Ok;
        }

        if (done is not null) Printer.Line(done);
        Printer.Write(Printer.Details($"User {user.Name}", [
            ("Name", user.Name),
            ("Display name", user.DisplayName),
            ("Email", user.Email),
            ("Roles", string.Join(", ", user.Roles)),
            ("Domains", string.Join(", ", user.Domains)),
            ("Enabled", user.Enabled ? "yes" : "no"),
            ("Password", user.HasPassword ? "set" : "not set"),
            ("Created by", user.CreatedBy),
            ("Created", Printer.Time(user.CreatedAt)),
            ("Last update", Printer.Time(user.UpdatedAt)),
        ]));
        return ExitCodes.Ok;
    }
}
