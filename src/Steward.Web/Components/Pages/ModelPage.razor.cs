using Steward.Governance.Records;
using Steward.Web.Components.Shared;

namespace Steward.Web.Components.Pages;

/// <summary>The model page's forms: the risk registry entry and periodic reviews, each one ledgered service call.</summary>
public sealed partial class ModelPage
{
    [Microsoft.AspNetCore.Components.SupplyParameterFromQuery(Name = "done")]
    public string? Done { get; set; }

    private string? DoneMessage => Done switch
    {
        "record" => "Risk registry entry saved.",
        "review" => "Review recorded; the next one is due " + (record is null ? "as the risk tier says." : Display.Time(record.Schedule.NextReviewDue) + "."),
        _ => null,
    };

    private async Task SaveRecordAsync()
    {
        var form = await Http!.Request.ReadFormAsync(Aborted);
        await RunAsync("record", "gov-h", () => Records.SetAsync(model!.Name, new GovernanceRecordChanges(
            Owner: form["owner"],
            Domain: form["domain"],
            Purpose: form["purpose"],
            IntendedUse: form["intendedUse"],
            AffectedParties: form["affectedParties"],
            Target: form["target"],
            Status: GovernanceNames.ParseStatus(form["status"], "status"),
            Checklists: form["checklists"].Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c!).ToList()), Aborted));
    }

    private async Task RecordReviewAsync()
    {
        var form = await Http!.Request.ReadFormAsync(Aborted);
        await RunAsync("review", "reviews-h", () => Records.ReviewAsync(model!.Name, form["outcome"], form["notes"], Aborted));
    }

    private async Task RunAsync(string done, string section, Func<Task> call)
    {
        if (!await TryAsync(call)) return;
        Navigation.NavigateTo(Display.ModelHref(model!.Name) + "?done=" + done + "#" + section);
    }
}
