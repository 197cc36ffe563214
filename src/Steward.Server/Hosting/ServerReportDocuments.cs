using Steward.Errors;
using Steward.Governance.ModelCards;
using Steward.ModelAudits;
using Steward.Reports.Documents;
using Steward.Server.ModelAudits;
using Steward.Server.NativeApi.Governance;
using Steward.Web.Reports;

namespace Steward.Server.Hosting;

/// <summary>The UI's report documents, built by the same code as the API's HTML and Markdown reports.</summary>
internal sealed class ServerReportDocuments(IEnumerable<IModelAuditRunner> runners) : IReportDocuments
{
    public ReportDocument Audit(ModelAudit audit)
    {
        ArgumentNullException.ThrowIfNull(audit);
        var runner = runners.FirstOrDefault(r => r.Kind == audit.Kind)
            ?? throw StewardException.Invalid($"Audits of kind '{ModelAuditKinds.Name(audit.Kind)}' cannot be rendered on this server.");
        return runner.Render(audit);
    }

    public ReportDocument ModelCard(ModelCard card) => ModelCardDocument.Build(card);
}
