using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Steward.Errors;

namespace Steward.Web.Components.Pages;

/// <summary>Running an audit from the version page: the form becomes the API's request body.</summary>
public sealed partial class VersionPage
{
    private async Task RunAuditAsync()
    {
        var form = await Http!.Request.ReadFormAsync(Aborted);
        long? id = null;
        if (!await TryAsync(async () => id = (await AuditLauncher.RunAsync(version!.Name, Version, AuditSettings(form), Aborted)).Id)) return;
        Navigation.NavigateTo($"/audits/{id}");
    }

    /// <summary>The audit's settings from the form; a field left empty is a setting not given.</summary>
    private static JsonElement AuditSettings(IFormCollection form)
    {
        var kind = form["kind"].ToString();
        var settings = new JsonObject { ["kind"] = kind };
        void Text(string field)
        {
            var value = form[field].ToString().Trim();
            if (value.Length > 0) settings[field] = value;
        }

        void List(string field)
        {
            var values = form[field].ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (values.Length > 0) settings[field] = new JsonArray(values.Select(v => (JsonNode?)v).ToArray());
        }

        switch (kind)
        {
            case "fairness":
                foreach (var field in new[] { "data", "label", "score", "prediction", "positive", "where" }) Text(field);
                List("sensitive");
                List("referenceGroup");
                if (Number(form, "threshold") is { } threshold) settings["threshold"] = threshold;
                break;
            case "drift":
                Text("reference");
                Text("current");
                List("columns");
                break;
            case "evaluation":
                foreach (var field in new[] { "data", "label", "score", "positive" }) Text(field);
                if (Number(form, "minRocAuc") is { } auc) settings["minimums"] = new JsonObject { ["rocAuc"] = auc };
                break;
        }

        using var document = JsonDocument.Parse(settings.ToJsonString());
        return document.RootElement.Clone();
    }

    private static double? Number(IFormCollection form, string field)
    {
        var text = form[field].ToString().Trim();
        if (text.Length == 0) return null;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw StewardException.Invalid($"Invalid value '{text}' for '{field}': expected a number.");
    }
}
