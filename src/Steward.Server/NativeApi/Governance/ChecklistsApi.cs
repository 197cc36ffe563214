using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Steward.Contracts;
using Steward.Governance;
using Steward.Governance.Checklists;
using Steward.Identity;

namespace Steward.Server.NativeApi.Governance;

/// <summary>
/// <c>/api/v1/governance/checklists</c> (templates) and the answers and compliance of a model
/// version under <c>/api/v1/governance/models/{name}/versions/{version}</c>.
/// </summary>
internal static class ChecklistsApi
{
    private static GovernanceJsonContext Json => GovernanceJsonContext.Default;

    public static void MapChecklistsApi(this RouteGroupBuilder governance)
    {
        governance.MapGet("/checklists", ListAsync);
        governance.MapPost("/checklists", AddAsync).Requires(Permission.ConfigureGovernance, GovernanceActions.ChecklistTemplateAdd);
        governance.MapGet("/checklists/{checklist}", GetAsync);
        governance.MapGet("/models/{name}/versions/{version}/compliance", ComplianceAsync);
        governance.MapPut("/models/{name}/versions/{version}/checklists/{checklist}/items/{item}", AnswerAsync).Requires(Permission.AnswerChecklists, GovernanceActions.ChecklistAnswer);
    }

    private static async Task<JsonHttpResult<Page<ChecklistTemplateDto>>> ListAsync(ChecklistTemplateService templates, CancellationToken cancellationToken)
    {
        var list = await templates.ListAsync(cancellationToken);
        return ApiResults.Ok(new Page<ChecklistTemplateDto>(list.Select(t => t.ToDto()).ToList(), null), Json.PageChecklistTemplate);
    }

    private static async Task<JsonHttpResult<ChecklistTemplateDto>> GetAsync(ChecklistTemplateService templates, string checklist, [FromQuery] string? version, CancellationToken cancellationToken) =>
        ApiResults.Ok((await templates.GetAsync(checklist, GovernanceQuery.Integer(version, "version"), cancellationToken)).ToDto(), Json.ChecklistTemplate);

    /// <summary>Adds a template (YAML text in <c>content</c>), or the next version of one with the same name.</summary>
    private static async Task<CreatedJson<ChecklistTemplateDto>> AddAsync(ChecklistTemplateService templates, HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await Requests.ReadAsync(request, Json.ContentRequest, cancellationToken);
        var added = await templates.AddAsync(Requests.Required(body.Content, "content"), cancellationToken);
        return ApiResults.Created($"{NativeApi.Prefix}/governance/checklists/{added.Document.Name}", added.ToDto(), Json.ChecklistTemplate);
    }

    private static async Task<JsonHttpResult<ComplianceDto>> ComplianceAsync(ChecklistService checklists, string name, string version, CancellationToken cancellationToken) =>
        ApiResults.Ok((await checklists.StatusAsync(Requests.RouteValue(name), version, cancellationToken)).ToDto(), Json.Compliance);

    private static async Task<JsonHttpResult<ChecklistAnswerDto>> AnswerAsync(
        ChecklistService checklists, string name, string version, string checklist, string item, HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await Requests.ReadAsync(request, Json.AnswerRequest, cancellationToken);
        var answer = await checklists.AnswerAsync(
            Requests.RouteValue(name), version, checklist, item, body.Status,
            body.Evidence?.Select<EvidenceDto, (string?, string?)>(e => (e.Kind, e.Ref)).ToList(), body.Note, cancellationToken);
        return ApiResults.Ok(answer.ToDto(), Json.ChecklistAnswer);
    }
}
