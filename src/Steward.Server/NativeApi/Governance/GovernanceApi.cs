using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Steward.Contracts;
using Steward.Governance;
using Steward.Governance.Records;
using Steward.Governance.Redundancy;
using Steward.Identity;

namespace Steward.Server.NativeApi.Governance;

/// <summary>
/// <c>/api/v1/governance</c>: the model risk registry (records, reviews, the review schedule),
/// redundancy, and — in the sibling files — scorecards, checklists and model cards.
/// </summary>
internal static class GovernanceApi
{
    private static GovernanceJsonContext Json => GovernanceJsonContext.Default;

    public static void MapGovernanceApi(this RouteGroupBuilder api)
    {
        var governance = api.MapGroup("/governance");
        governance.MapGet("/models", ListAsync);
        governance.MapGet("/models/{name}", GetAsync);
        governance.MapPut("/models/{name}", SetAsync).Requires(Permission.WriteGovernanceRecord, GovernanceActions.RecordUpdate);
        governance.MapGet("/models/{name}/reviews", ListReviewsAsync);
        governance.MapPost("/models/{name}/reviews", ReviewAsync).Requires(Permission.ReviewModels, GovernanceActions.RecordReview);
        governance.MapGet("/reviews", ScheduleAsync);
        governance.MapGet("/redundancy", RedundancyAsync);
        governance.MapScorecardsApi();
        governance.MapChecklistsApi();
        governance.MapModelCardsApi();
    }

    private static async Task<JsonHttpResult<Page<GovernanceRecordDto>>> ListAsync(
        GovernanceRecordService records,
        [FromQuery] string? domain,
        [FromQuery] string? owner,
        [FromQuery] string? status,
        [FromQuery] string? tier,
        [FromQuery] string? overdue,
        [FromQuery] string? maxResults,
        [FromQuery] string? pageToken,
        CancellationToken cancellationToken)
    {
        var filter = new GovernanceRecordFilter(
            string.IsNullOrEmpty(domain) ? null : domain,
            string.IsNullOrEmpty(owner) ? null : owner,
            string.IsNullOrEmpty(status) ? null : GovernanceNames.ParseStatus(status, "status"));
        RiskTier? riskTier = string.IsNullOrEmpty(tier)
            ? null
            : RiskTiers.Parse(tier) ?? throw Errors.StewardException.Invalid($"Invalid value '{tier}' for parameter 'tier': expected low, medium or high.");
        var page = await records.ListAsync(filter, riskTier, GovernanceQuery.Flag(overdue, "overdue"), Requests.Long(maxResults, "maxResults"), pageToken, cancellationToken);
        return ApiResults.Ok(new Page<GovernanceRecordDto>(page.Items.Select(v => v.ToDto()).ToList(), page.NextPageToken), Json.PageGovernanceRecord);
    }

    private static async Task<JsonHttpResult<GovernanceRecordDto>> GetAsync(GovernanceRecordService records, string name, CancellationToken cancellationToken) =>
        ApiResults.Ok((await records.GetAsync(Requests.RouteValue(name), cancellationToken)).ToDto(), Json.GovernanceRecord);

    /// <summary>Creates (201) or changes (200) a record; fields left out keep their value.</summary>
    private static async Task<IResult> SetAsync(GovernanceRecordService records, string name, HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await Requests.ReadAsync(request, Json.SetGovernanceRecordRequest, cancellationToken);
        var changes = new GovernanceRecordChanges(
            body.Owner, body.Domain, body.Purpose, body.IntendedUse, body.AffectedParties, body.Target,
            body.Status is null ? null : GovernanceNames.ParseStatus(body.Status, "status"),
            body.Checklists);
        var (view, created) = await records.SetAsync(Requests.RouteValue(name), changes, cancellationToken);
        return created
            ? ApiResults.Created($"{NativeApi.Prefix}/governance/models/{Uri.EscapeDataString(view.Record.ModelName)}", view.ToDto(), Json.GovernanceRecord)
            : ApiResults.Ok(view.ToDto(), Json.GovernanceRecord);
    }

    private static async Task<JsonHttpResult<Page<ReviewDto>>> ListReviewsAsync(GovernanceRecordService records, string name, CancellationToken cancellationToken)
    {
        var reviews = await records.ListReviewsAsync(Requests.RouteValue(name), cancellationToken);
        return ApiResults.Ok(new Page<ReviewDto>(reviews.Select(r => r.ToDto()).ToList(), null), Json.PageGovernanceReview);
    }

    private static async Task<CreatedJson<ReviewDto>> ReviewAsync(GovernanceRecordService records, string name, HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await Requests.ReadAsync(request, Json.RecordReviewRequest, cancellationToken);
        var review = await records.ReviewAsync(Requests.RouteValue(name), body.Outcome, body.Notes, cancellationToken);
        return ApiResults.Created($"{NativeApi.Prefix}/governance/models/{Uri.EscapeDataString(review.ModelName)}/reviews", review.ToDto(), Json.GovernanceReview);
    }

    /// <summary>Records under review, soonest due first; <c>overdue=true</c> keeps those past due.</summary>
    private static async Task<JsonHttpResult<Page<GovernanceRecordDto>>> ScheduleAsync(
        GovernanceRecordService records, [FromQuery] string? overdue, CancellationToken cancellationToken)
    {
        var views = await records.ReviewScheduleAsync(GovernanceQuery.Flag(overdue, "overdue"), cancellationToken);
        return ApiResults.Ok(new Page<GovernanceRecordDto>(views.Select(v => v.ToDto()).ToList(), null), Json.PageGovernanceRecord);
    }

    private static async Task<JsonHttpResult<RedundancyDto>> RedundancyAsync(RedundancyService redundancy, [FromQuery] string? threshold, CancellationToken cancellationToken)
    {
        var limit = GovernanceQuery.Number(threshold, "threshold");
        var groups = await redundancy.FindAsync(limit, cancellationToken);
        return ApiResults.Ok(new RedundancyDto(limit ?? RedundancyFinder.DefaultThreshold, groups.Select(g => g.ToDto()).ToList()), Json.RedundancyReport);
    }
}
