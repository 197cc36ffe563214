using System.Text.RegularExpressions;
using Steward.Errors;
using Steward.Governance.Configuration;

namespace Steward.Governance.Checklists;

/// <summary>Reads and checks a checklist template file (see <c>Governance/Defaults/checklist-gdpr.yaml</c>).</summary>
public static partial class ChecklistTemplateParser
{
    private const string Document = "checklist template";

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    private static partial Regex Identifier();

    /// <summary>Parses <paramref name="text"/>; throws InvalidParameterValue naming the problem.</summary>
    public static ChecklistTemplate Parse(string? text)
    {
        if (text?.Length > GovernanceLimits.MaxConfigurationLength)
            throw StewardException.Invalid($"The {Document} is larger than {GovernanceLimits.MaxConfigurationLength} characters.");
        var root = ConfigNode.Parse(text, Document);
        root.AllowOnly("name", "title", "description", "items");
        var name = Id(root.Required("name"));
        var title = root.Optional("title")?.NonEmptyText() ?? name;
        var description = root.Optional("description")?.Text().Trim() ?? "";
        var itemsNode = root.Required("items");
        var items = new List<ChecklistItem>();
        foreach (var node in itemsNode.Items())
        {
            node.AllowOnly("id", "text", "guidance", "required", "evidence_required");
            var idNode = node.Required("id");
            var id = Id(idNode);
            if (items.Any(i => i.Id == id)) throw idNode.Error($"item '{id}' is listed twice");
            items.Add(new ChecklistItem(
                id,
                node.Required("text").NonEmptyText(2000),
                node.Optional("guidance")?.Text().Trim() ?? "",
                node.Optional("required")?.Boolean() ?? true,
                node.Optional("evidence_required")?.Boolean() ?? true));
        }

        if (items.Count == 0) throw itemsNode.Error("must list at least one item");
        return new ChecklistTemplate(name, title, description, items);
    }

    private static string Id(ConfigNode node)
    {
        var text = node.Text().Trim();
        return Identifier().IsMatch(text) ? text : throw node.Error($"'{text}' must be lowercase letters, digits, '-' and '_' (at most 64)");
    }
}
