using System.CommandLine;
using System.Globalization;
using Steward.Cli.Commands.Governance;
using Steward.Cli.Infrastructure;
using Steward.Cli.Output;
using Steward.Client;
using O = Steward.Cli.Commands.Governance.GovernanceOptions;

namespace Steward.Cli.Commands;

/// <summary><c>steward cards show|edit|render|revisions</c>: model cards per version.</summary>
internal static class CardsCommand
{
    public static Command Create()
    {
        var show = new Command("show", "Show a model version's card: what the platform filled, what people wrote, and which required sections are missing.")
        {
            O.Name, O.Version, O.Revision,
        };
        show.SetClientAction(ShowAsync);

        var edit = new Command("edit", "Write sections of a card; each edit is a new revision with a ledger entry.")
        {
            O.Name, O.Version, O.Text, O.TextFile, O.BaseRevision,
        };
        edit.SetClientAction(EditAsync);

        var render = new Command("render", "Render a card to Markdown or HTML.") { O.Name, O.Version, O.Format, O.Out, O.Revision };
        render.SetClientAction(RenderAsync);

        var revisions = new Command("revisions", "List a card's stored revisions.") { O.Name, O.Version };
        revisions.SetClientAction(RevisionsAsync);

        return new Command("cards", "Model cards: filled from the platform, completed by people, versioned, rendered.") { show, edit, render, revisions };
    }

    private static async Task<int> ShowAsync(ParseResult parse, StewardClient client, OutputFormat output, CancellationToken cancellationToken)
    {
        var card = await client.GetModelCardAsync(parse.GetRequiredValue(O.Name), parse.GetValue(O.Version), parse.GetValue(O.Revision), cancellationToken);
        if (output == OutputFormat.Json)
        {
            Console.Out.WriteLine(GovernanceJson.Serialize(card));
            return ExitCodes.Ok;
        }

        Printer.Line($"Model card of {card.Name} v{card.Version}, {(card.Revision == 0 ? "draft (no revision stored yet)" : $"revision {card.Revision} by {card.EditedBy}")}.");
        var table = Printer.Table("Section", "Filled by the platform", "Written by people");
        foreach (var s in card.Sections)
        {
            var filled = string.Join("; ", s.Facts.Select(f => $"{f.Name}: {f.Value}").Concat(s.Tables.Select(t => $"{t.Caption} ({t.Rows.Count} rows)")));
            table.Row(s.Title, filled, s.HumanEdited ? $"{s.Text} — {s.TextEditedBy}" : "");
        }

        Printer.Write(table);
        Printer.Line(card.Complete ? "Complete." : $"Missing: {string.Join(", ", card.MissingSections)}.");
        return ExitCodes.Ok;
    }

    private static async Task<int> EditAsync(ParseResult parse, StewardClient client, OutputFormat output, CancellationToken cancellationToken)
    {
        var sections = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, text) in KeyValues.Parse(parse.GetValue(O.Text), "--text")) sections[key] = text;
        foreach (var (key, path) in KeyValues.Parse(parse.GetValue(O.TextFile), "--text-file")) sections[key] = KeyValues.ReadFile(path, $"section '{key}' text");
        if (sections.Count == 0) throw new CliException("give at least one section with --text section=text or --text-file section=path");
        var card = await client.EditModelCardAsync(parse.GetRequiredValue(O.Name), parse.GetValue(O.Version), sections, parse.GetValue(O.BaseRevision), cancellationToken);
        if (output == OutputFormat.Json)
            Console.Out.WriteLine(GovernanceJson.Serialize(card));
        else
            Printer.Line($"Model card of {card.Name} v{card.Version} is at revision {card.Revision}; {(card.Complete ? "complete" : $"missing: {string.Join(", ", card.MissingSections)}")}.");
        return ExitCodes.Ok;
    }

    private static async Task<int> RenderAsync(ParseResult parse, StewardClient client, OutputFormat output, CancellationToken cancellationToken)
    {
        var outPath = parse.GetValue(O.Out);
        var format = parse.GetValue(O.Format)?.Trim().ToLowerInvariant()
            ?? (outPath is not null && Path.GetExtension(outPath).ToLowerInvariant() is ".html" or ".htm" ? "html" : "md");
        if (format is not ("md" or "html")) throw new CliException($"--format must be md or html, got '{format}'");
        var text = await client.RenderModelCardAsync(parse.GetRequiredValue(O.Name), parse.GetValue(O.Version), format, parse.GetValue(O.Revision), cancellationToken);
        if (outPath is null)
        {
            Console.Out.Write(text);
            return ExitCodes.Ok;
        }

        try
        {
            var full = Path.GetFullPath(outPath);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            await File.WriteAllTextAsync(full, text, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"--out: cannot write '{outPath}': {e.Message}");
        }

        Printer.Line($"Model card written to {outPath}.");
        return ExitCodes.Ok;
    }

    private static async Task<int> RevisionsAsync(ParseResult parse, StewardClient client, OutputFormat output, CancellationToken cancellationToken)
    {
        var page = await client.ListModelCardRevisionsAsync(parse.GetRequiredValue(O.Name), parse.GetValue(O.Version), cancellationToken);
        if (output == OutputFormat.Json)
        {
            Console.Out.WriteLine(GovernanceJson.Serialize(page));
            return ExitCodes.Ok;
        }

        var table = Printer.Table("Revision", "Edited by", "When", "Written by people", "Missing");
        foreach (var r in page.Items)
            table.Row(r.Revision.ToString(CultureInfo.InvariantCulture), r.EditedBy, Printer.Time(r.EditedTimestamp), string.Join(", ", r.HumanEditedSections), string.Join(", ", r.MissingSections));
        Printer.Write(table);
        return ExitCodes.Ok;
    }
}
