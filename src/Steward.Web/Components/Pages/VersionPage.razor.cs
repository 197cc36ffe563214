using System.Globalization;
using Steward.Errors;
using Steward.Registry;
using Steward.Web.Components.Shared;

namespace Steward.Web.Components.Pages;

/// <summary>
/// The version page's forms. Each posts back to the page, makes one service call (which checks
/// permission, writes and adds its ledger entry in one transaction) and, when it succeeds,
/// redirects so a reload does not post again; when it fails, the page shows the service's message.
/// </summary>
public sealed partial class VersionPage
{
    private string? DoneMessage => Done switch
    {
        "stage" => $"Moved to {version?.CurrentStage}.",
        "alias-set" => "Alias set.",
        "alias-delete" => "Alias removed.",
        "card" => "Model card saved as a new revision.",
        "approve" => "Your approval is recorded.",
        "reject" => "Your rejection is recorded.",
        "attest" => "Your attestation is recorded.",
        "waive" => "The step is waived.",
        "scorecard" => $"Scorecard filed: tier {scorecard?.Tier}.",
        "answer" => "Checklist answer saved.",
        _ => null,
    };

    private async Task ChangeStageAsync()
    {
        var form = await Http!.Request.ReadFormAsync(Aborted);
        var archive = form["archiveExisting"] == "true";
        await RunAsync("stage", null, () => Registry.ApplyAsync(new StageTransition(version!.Name, version.Version, ModelStages.Parse(form["stage"]), archive), Aborted));
    }

    private async Task ChangeAliasAsync()
    {
        var form = await Http!.Request.ReadFormAsync(Aborted);
        var alias = form["alias"].ToString().Trim();
        var action = form["action"].ToString();
        await RunAsync("alias-" + action, null, () => action switch
        {
            "set" => Registry.ApplyAsync(new AliasAssignment(version!.Name, alias, version.Version), Aborted),
            "delete" => Registry.ApplyAsync(new AliasRemoval(version!.Name, alias), Aborted),
            _ => throw StewardException.Invalid("Press Set alias or Remove."),
        });
    }

    private async Task DecideAsync()
    {
        var form = await Http!.Request.ReadFormAsync(Aborted);
        var decision = form["decision"].ToString();
        var reason = form["reason"].ToString();
        await RunAsync(decision, "lifecycle-h", () => decision switch
        {
            "approve" => Lifecycle.ApproveAsync(version!.Name, Version, reason, Aborted),
            "reject" => Lifecycle.RejectAsync(version!.Name, Version, reason, Aborted),
            _ => throw StewardException.Invalid("Press Approve or Reject."),
        });
    }

    private async Task RecordStepAsync()
    {
        var form = await Http!.Request.ReadFormAsync(Aborted);
        var step = form["step"].ToString();
        var action = form["action"].ToString();
        await RunAsync(action, "lifecycle-h", () => action switch
        {
            "attest" => Lifecycle.AttestAsync(version!.Name, Version, step, form["link"], form["note"], Aborted),
            "waive" => Lifecycle.WaiveAsync(version!.Name, Version, step, form["reason"], form["expires"], Aborted),
            _ => throw StewardException.Invalid("Press Attest or Waive."),
        });
    }

    private async Task FileScorecardAsync()
    {
        var form = await Http!.Request.ReadFormAsync(Aborted);
        // A blank field is an answer not given: the service fills it from evidence, or names it as missing.
        var answers = form.Keys
            .Where(key => key.StartsWith("factor.", StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(form[key]))
            .ToDictionary(key => key["factor.".Length..], key => form[key].ToString().Trim(), StringComparer.Ordinal);
        await RunAsync("scorecard", "risk-h", () => Scorecards.FileAsync(version!.Name, Version, answers, Aborted));
    }

    private async Task AnswerAsync()
    {
        var form = await Http!.Request.ReadFormAsync(Aborted);
        var reference = form["evidenceReference"].ToString().Trim();
        IReadOnlyList<(string?, string?)> evidence = reference.Length == 0 ? [] : [(form["evidenceKind"], reference)];
        await RunAsync("answer", "compliance-h", () => Checklists.AnswerAsync(
            version!.Name, Version, form["checklist"], form["item"], form["status"], evidence, form["note"], Aborted));
    }

    private async Task EditCardAsync()
    {
        var form = await Http!.Request.ReadFormAsync(Aborted);
        // Only the sections whose text changed: an untouched section keeps its author.
        var texts = Steward.Governance.ModelCards.ModelCardSections.All
            .Select(s => (s.Key, Text: form[$"section.{s.Key}"].ToString().Replace("\r\n", "\n", StringComparison.Ordinal).Trim()))
            .Where(s => s.Text != (card?.Sections.FirstOrDefault(c => c.Key == s.Key)?.Text ?? ""))
            .ToDictionary(s => s.Key, s => (string?)s.Text, StringComparer.Ordinal);
        int? baseRevision = int.TryParse(form["baseRevision"], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0 ? parsed : null;
        await RunAsync("card", "card-h", () => Cards.EditAsync(version!.Name, Version, texts, baseRevision, Aborted));
    }

    /// <summary>Runs one form's service call; on success, reloads the page with its notice.</summary>
    private async Task RunAsync(string done, string? section, Func<Task> call)
    {
        if (!await TryAsync(call)) return;
        var anchor = section is null ? "" : "#" + section;
        Navigation.NavigateTo(Display.VersionHref(version!.Name, version.Version) + "?done=" + Uri.EscapeDataString(done) + anchor);
    }
}
