using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Steward.Contracts;
using Steward.Errors;
using Steward.Governance;
using Steward.Governance.ModelCards;
using Steward.Identity;
using Steward.Reports.Documents;

namespace Steward.Server.NativeApi.Governance;

/// <summary><c>/api/v1/governance/models/{name}/versions/{version}/card</c>: read, edit, list revisions, render for download.</summary>
internal static class ModelCardsApi
{
    private static GovernanceJsonContext Json => GovernanceJsonContext.Default;

    public static void MapModelCardsApi(this RouteGroupBuilder governance)
    {
        var card = governance.MapGroup("/models/{name}/versions/{version}/card");
        card.MapGet("", GetAsync);
        card.MapPut("", EditAsync).Requires(Permission.EditModelCards, GovernanceActions.ModelCardEdit, WritePermissions.ModelCard);
        card.MapGet("/revisions", RevisionsAsync);
        card.MapGet("/render", RenderAsync);
    }

    /// <summary>The newest revision, or <c>?revision=N</c>; revision 0 is the draft filled from the platform now.</summary>
    private static async Task<JsonHttpResult<ModelCardDto>> GetAsync(ModelCardService cards, string name, string version, [FromQuery] string? revision, CancellationToken cancellationToken) =>
        ApiResults.Ok((await cards.GetAsync(Requests.RouteValue(name), version, GovernanceQuery.Integer(revision, "revision"), cancellationToken)).ToDto(), Json.ModelCard);

    private static async Task<JsonHttpResult<ModelCardDto>> EditAsync(ModelCardService cards, string name, string version, HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await Requests.ReadAsync(request, Json.EditCardRequest, cancellationToken);
        var card = await cards.EditAsync(Requests.RouteValue(name), version, body.Sections, body.BaseRevision, cancellationToken);
        return ApiResults.Ok(card.ToDto(), Json.ModelCard);
    }

    private static async Task<JsonHttpResult<Page<CardRevisionDto>>> RevisionsAsync(ModelCardService cards, string name, string version, CancellationToken cancellationToken)
    {
        var revisions = await cards.ListRevisionsAsync(Requests.RouteValue(name), version, cancellationToken);
        return ApiResults.Ok(new Page<CardRevisionDto>(revisions.Select(r => r.ToRevisionDto()).ToList(), null), Json.PageModelCardRevision);
    }

    /// <summary>The card as a Markdown (<c>format=md</c>, the default) or HTML (<c>format=html</c>) download.</summary>
    private static async Task<IResult> RenderAsync(
        ModelCardService cards, string name, string version, [FromQuery] string? format, [FromQuery] string? revision, CancellationToken cancellationToken)
    {
        var (reportFormat, contentType, extension) = (format?.Trim().ToLowerInvariant() ?? "md") switch
        {
            "md" or "markdown" => (ReportFormat.Markdown, "text/markdown; charset=utf-8", "md"),
            "html" => (ReportFormat.Html, "text/html; charset=utf-8", "html"),
            _ => throw StewardException.Invalid($"Invalid value '{format}' for parameter 'format': expected md or html."),
        };
        var card = await cards.GetAsync(Requests.RouteValue(name), version, GovernanceQuery.Integer(revision, "revision"), cancellationToken);
        var stem = $"model-card-{card.ModelName}-v{card.Version}-r{card.Revision}";
        var rendered = ModelCardDocument.Build(card).Render(reportFormat, stem);
        var fileName = new string(stem.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray()) + "." + extension;
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(rendered.Text), contentType, fileName);
    }
}
