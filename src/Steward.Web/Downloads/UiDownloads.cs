using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Steward.Artifacts;
using Steward.Errors;
using Steward.Governance.ModelCards;
using Steward.ModelAudits;
using Steward.Reports.Documents;
using Steward.Web.Reports;

namespace Steward.Web.Downloads;

/// <summary>
/// Files the UI offers: artifacts (through <see cref="ArtifactService"/>, so each download is a
/// ledger entry with the same permission check as the API's) and model cards as Markdown or HTML.
/// </summary>
internal static class UiDownloads
{
    public const string ArtifactPath = "/download/artifact";
    public const string ModelCardPath = "/download/model-card";
    public const string AuditReportPath = "/download/audit";

    /// <summary>The URL that downloads (or, with <paramref name="inline"/>, shows) an artifact.</summary>
    public static string Artifact(string runId, string path, bool inline = false) =>
        $"{ArtifactPath}/{Uri.EscapeDataString(runId)}?path={Uri.EscapeDataString(path)}{(inline ? "&inline=1" : "")}";

    /// <summary>The URL that downloads a version's model card.</summary>
    public static string ModelCard(string model, int version, string format) =>
        $"{ModelCardPath}/{Uri.EscapeDataString(model)}/{version}?format={format}";

    /// <summary>The URL that downloads an audit's report as one HTML file.</summary>
    public static string AuditReport(long id) => $"{AuditReportPath}/{id}";

    public static void MapDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet(AuditReportPath + "/{id:long}", AuditReportAsync);
        app.MapGet(ArtifactPath + "/{runId}", ArtifactAsync);
        app.MapGet(ModelCardPath + "/{model}/{version}", ModelCardAsync);
    }

    private static async Task ArtifactAsync(HttpContext http, ArtifactService artifacts, string runId, string? path, string? inline)
    {
        try
        {
            if (string.IsNullOrEmpty(path)) throw StewardException.Invalid("Name the artifact to download with 'path'.");
            await using var content = await artifacts.OpenReadAsync(runId, path, http.RequestAborted);
            var name = Path.GetFileName(path);
            var show = inline == "1" && FileKinds.IsImage(name);
            http.Response.ContentType = show ? FileKinds.ImageContentType(name) : "application/octet-stream";
            // An artifact is whatever a run uploaded: never let it run as a page of Steward's origin.
            http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers.ContentDisposition = $"{(show ? "inline" : "attachment")}; filename*=UTF-8''{Uri.EscapeDataString(name)}";
            await content.CopyToAsync(http.Response.Body, http.RequestAborted);
        }
        catch (StewardException e) when (!http.Response.HasStarted)
        {
            await WriteErrorAsync(http, e);
        }
    }

    private static async Task ModelCardAsync(HttpContext http, ModelCardService cards, IReportDocuments documents, string model, string version, string? format)
    {
        try
        {
            var card = await cards.GetAsync(model, version, null, http.RequestAborted);
            var html = format switch
            {
                null or "" or "md" or "markdown" => false,
                "html" => true,
                _ => throw StewardException.Invalid($"Invalid value '{format}' for parameter 'format': expected md or html."),
            };
            var stem = $"model-card-{card.ModelName}-v{card.Version}";
            var rendered = documents.ModelCard(card).Render(html ? ReportFormat.Html : ReportFormat.Markdown, stem);
            http.Response.ContentType = html ? "text/html; charset=utf-8" : "text/markdown; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename*=UTF-8''{Uri.EscapeDataString(stem + (html ? ".html" : ".md"))}";
            await http.Response.WriteAsync(rendered.Text, Encoding.UTF8, http.RequestAborted);
        }
        catch (StewardException e) when (!http.Response.HasStarted)
        {
            await WriteErrorAsync(http, e);
        }
    }

    private static async Task AuditReportAsync(HttpContext http, ModelAuditService audits, IReportDocuments documents, long id)
    {
        try
        {
            var audit = await audits.GetAsync(id, http.RequestAborted);
            var html = documents.Audit(audit).Render(ReportFormat.Html, $"audit-{audit.Id}").Text;
            http.Response.ContentType = "text/html; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename=audit-{audit.Id}.html";
            await http.Response.WriteAsync(html, Encoding.UTF8, http.RequestAborted);
        }
        catch (StewardException e) when (!http.Response.HasStarted)
        {
            await WriteErrorAsync(http, e);
        }
    }

    private static Task WriteErrorAsync(HttpContext http, StewardException e)
    {
        http.Response.StatusCode = ErrorStatus.Of(e.Code);
        http.Response.ContentType = "text/plain; charset=utf-8";
        return http.Response.WriteAsync(e.Message, Encoding.UTF8, http.RequestAborted);
    }
}
