using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Steward.Audit;
using Steward.Contracts;
using Steward.Errors;
using Steward.Identity;
using Steward.ModelAudits;
using Steward.Registry;
using Steward.Reports.Documents;
using Steward.Server.ModelAudits;

namespace Steward.Server.NativeApi;

/// <summary>
/// <c>/api/v1/models/{name}/versions/{version}/audits</c> and <c>/api/v1/model-audits/{id}</c>:
/// run a fairness, drift or evaluation audit of a version against a data set in the server's
/// data-set folder, keep the report as evidence, list and read them back.
/// </summary>
internal static class ModelAuditsApi
{
    private static NativeJsonContext Json => NativeJsonContext.Default;

    public static void MapModelAuditsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/models/{name}/versions/{version}/audits", RunAsync).Requires(Permission.RunAudits, AuditActions.ModelVersionRecordAudit, WritePermissions.Version);
        api.MapGet("/models/{name}/versions/{version}/audits", ListAsync);
        api.MapGet("/model-audits/{id}", GetAsync);
        api.MapGet("/model-audits/{id}/report", ReportAsync);
    }

    private static async Task<CreatedJson<ModelAuditDto>> RunAsync(
        ModelAuditLauncher launcher, string name, string version, HttpRequest request, CancellationToken cancellationToken)
    {
        var recorded = await launcher.RunAsync(Requests.RouteValue(name), version, async token =>
        {
            using var document = await Requests.ReadAsync(request, Json.JsonDocument, token);
            return document.RootElement.Clone();
        }, cancellationToken);
        return ApiResults.Created($"{NativeApi.Prefix}/model-audits/{recorded.Id}", ToDto(recorded, withReport: true), Json.ModelAudit);
    }

    private static async Task<JsonHttpResult<Page<ModelAuditDto>>> ListAsync(
        RegistryService registry, ModelAuditService audits, string name, string version, [FromQuery] string? kind, CancellationToken cancellationToken)
    {
        var model = await registry.GetModelVersionAsync(Requests.RouteValue(name), version, cancellationToken);
        ModelAuditKind? filter = kind is null
            ? null
            : ModelAuditKinds.Parse(kind) ?? throw StewardException.Invalid($"Invalid value '{kind}' for parameter 'kind': expected one of fairness, drift, evaluation.");
        var list = await audits.ListAsync(model.Name, model.Version, filter, cancellationToken);
        return ApiResults.Ok(new Page<ModelAuditDto>(list.Select(a => ToDto(a, withReport: false)).ToList(), null), Json.PageModelAudit);
    }

    private static async Task<JsonHttpResult<ModelAuditDto>> GetAsync(ModelAuditService audits, string id, CancellationToken cancellationToken) =>
        ApiResults.Ok(ToDto(await audits.GetAsync(ParseId(id), cancellationToken), withReport: true), Json.ModelAudit);

    /// <summary>The report as a reviewer reads it: one self-contained HTML page with its charts.</summary>
    private static async Task<IResult> ReportAsync(
        ModelAuditService audits, IEnumerable<IModelAuditRunner> runners, string id, CancellationToken cancellationToken)
    {
        var audit = await audits.GetAsync(ParseId(id), cancellationToken);
        var runner = runners.FirstOrDefault(r => r.Kind == audit.Kind)
            ?? throw StewardException.Invalid($"Audits of kind '{ModelAuditKinds.Name(audit.Kind)}' cannot be rendered on this server.");
        var html = runner.Render(audit).Render(ReportFormat.Html, $"audit-{audit.Id}").Text;
        return TypedResults.Text(html, "text/html", Encoding.UTF8);
    }

    private static long ParseId(string id) =>
        long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw StewardException.Invalid($"Invalid value '{id}' for parameter 'id': expected an audit number.");

    private static ModelAuditDto ToDto(ModelAudit audit, bool withReport) => new(
        audit.Id, audit.ModelName, audit.Version, ModelAuditKinds.Name(audit.Kind), audit.DataSource,
        audit.Verdict.ToString().ToLowerInvariant(), audit.Summary, audit.CreatedBy, audit.CreatedAt.ToUnixTimeMilliseconds(),
        Parse(audit.SettingsJson), withReport ? Parse(audit.ReportJson) : null);

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
