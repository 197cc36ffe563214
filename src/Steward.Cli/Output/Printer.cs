using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;
using Spectre.Console.Rendering;
using Steward.Client;

namespace Steward.Cli.Output;

/// <summary>Writes results: JSON exactly as the SDK reads it from the server, or Spectre tables.</summary>
internal static class Printer
{
    private static readonly JsonSerializerOptions Indented = new(StewardJson.Options) { WriteIndented = true };

    private static readonly IAnsiConsole Console = CreateConsole();

    public static void Json<T>(T value) => System.Console.Out.WriteLine(StewardJson.Serialize(value));

    public static void Json(JsonNode node) => System.Console.Out.WriteLine(node.ToJsonString(Indented));

    public static JsonNode ToNode<T>(T value) => JsonSerializer.SerializeToNode(value, StewardJson.Options)!;

    public static void Write(IRenderable renderable) => Console.Write(renderable);

    public static void Line(string text) => Console.WriteLine(text);

    public static Table Table(params string[] columns)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in columns) table.AddColumn(new TableColumn(Markup.Escape(column)));
        return table;
    }

    /// <summary>Adds a row of plain text: values are never read as Spectre markup.</summary>
    public static Table Row(this Table table, params string?[] cells) =>
        table.AddRow(cells.Select(c => (IRenderable)new Text(c ?? "")).ToArray());

    /// <summary>A two-column key/value table for one entity's attributes.</summary>
    public static Table Details(string title, IEnumerable<(string Key, string? Value)> rows)
    {
        var table = Table("", "").HideHeaders();
        table.Title = new TableTitle(Markup.Escape(title));
        foreach (var (key, value) in rows) table.Row(key, value);
        return table;
    }

    /// <summary>Says how to get the next page, on stderr so that stdout stays the table.</summary>
    public static void MoreResults(string? nextPageToken)
    {
        if (!string.IsNullOrEmpty(nextPageToken)) System.Console.Error.WriteLine($"More results: --page-token {nextPageToken}");
    }

    public static string Time(long? unixMilliseconds) =>
        unixMilliseconds is null or 0 ? "" : DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds.Value).ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    public static string Map(IReadOnlyDictionary<string, string> map) =>
        string.Join(", ", map.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}"));

    private static IAnsiConsole CreateConsole()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(System.Console.Out) });
        // Piped output has no terminal width; do not wrap ids and names at 80 columns.
        if (System.Console.IsOutputRedirected) console.Profile.Width = 240;
        return console;
    }
}
