using System.Globalization;
using Steward.Governance.ModelCards;
using Steward.Reports.Documents;

namespace Steward.Server.NativeApi.Governance;

/// <summary>A model card as a report document, rendered to Markdown or HTML for download.</summary>
internal static class ModelCardDocument
{
    public static ReportDocument Build(ModelCard card)
    {
        var document = new ReportDocument($"Model card: {card.ModelName} version {card.Version}");
        document.Facts(
            ("Revision", card.Revision == 0 ? "draft (not yet stored)" : card.Revision.ToString(CultureInfo.InvariantCulture)),
            ("Last edited", card.EditedBy is null ? "—" : $"{card.EditedBy}, {Time(card.EditedAt)}"),
            ("Written by people", card.HumanEditedSections.Count == 0 ? "no section yet" : string.Join(", ", card.HumanEditedSections.Select(Title))));
        document.Callout(
            card.Complete ? "Complete: every required section has content." : $"Incomplete: {string.Join(", ", card.MissingSections.Select(Title))} still empty.",
            card.Complete ? CalloutKind.Pass : CalloutKind.Warning);

        foreach (var section in card.Sections)
        {
            document.Heading(section.Title);
            if (section.IsEmpty)
            {
                document.Paragraph("Nothing recorded yet.");
                continue;
            }

            if (section.Facts.Count > 0) document.Facts(section.Facts.Select(f => (f.Name, f.Value)).ToArray());
            foreach (var table in section.Tables) document.Add(new TableBlock(table.Headers, table.Rows, table.Caption));
            if (section.HumanEdited)
            {
                document.Heading($"Written by {section.TextEditedBy} ({Time(section.TextEditedAt)})", 3);
                document.Add(new MarkdownBlock(section.Text));
            }
        }

        return document;
    }

    private static string Title(string key) => ModelCardSections.Find(key)?.Title ?? key;

    private static string Time(long? unixMilliseconds) => unixMilliseconds is { } ms
        ? DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)
        : "—";
}
