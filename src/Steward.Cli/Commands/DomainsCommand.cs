using System.CommandLine;
using Steward.Cli.Infrastructure;
using Steward.Cli.Output;
using Steward.Client;

namespace Steward.Cli.Commands;

/// <summary><c>steward domains list|create|show</c>.</summary>
internal static class DomainsCommand
{
    private static readonly Argument<string> Name = new("name") { Description = "The domain's name: lower-case letters, digits, '-' and '_'." };

    public static Command Create()
    {
        var list = new Command("list", "List the domains.");
        list.SetClientAction(ListAsync);

        var create = new Command("create", "Create a domain (admin).") { Name, CliOptions.Description };
        create.SetClientAction(CreateAsync);

        var show = new Command("show", "Show a domain, its members and how much it owns.") { Name };
        show.SetClientAction(ShowAsync);

        return new Command("domains", "Domains: the business units that own experiments and models.") { list, create, show };
    }

    private static async Task<int> ListAsync(ParseResult parse, StewardClient client, OutputFormat output, CancellationToken cancellationToken)
    {
        var domains = await client.ListDomainsAsync(cancellationToken);
        if (output == OutputFormat.Json)
        {
            Printer.Json(domains);
            return ExitCodes.Ok;
        }

        var table = Printer.Table("Name", "Description", "Created by", "Created");
        foreach (var d in domains) table.Row(d.Name, d.Description, d.CreatedBy, Printer.Time(d.CreatedAt));
        Printer.Write(table);
        return ExitCodes.Ok;
    }

    private static async Task<int> CreateAsync(ParseResult parse, StewardClient client, OutputFormat output, CancellationToken cancellationToken)
    {
        var domain = await client.CreateDomainAsync(parse.GetRequiredValue(Name), parse.GetValue(CliOptions.Description), cancellationToken);
        if (output == OutputFormat.Json) Printer.Json(domain);
        else Printer.Line($"Created domain '{domain.Name}'");
        return ExitCodes.Ok;
    }

    private static async Task<int> ShowAsync(ParseResult parse, StewardClient client, OutputFormat output, CancellationToken cancellationToken)
    {
        var d = await client.GetDomainAsync(parse.GetRequiredValue(Name), cancellationToken);
        if (output == OutputFormat.Json)
        {
            Printer.Json(d);
            return ExitCodes.Ok;
        }

        Printer.Write(Printer.Details($"Domain {d.Name}", [
            ("Name", d.Name),
            ("Description", d.Description),
            ("Members", string.Join(", ", d.Members)),
            ("Experiments", d.Experiments.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Registered models", d.RegisteredModels.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Created by", d.CreatedBy),
            ("Created", Printer.Time(d.CreatedAt)),
        ]));
        return ExitCodes.Ok;
    }
}
