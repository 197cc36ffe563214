using Steward.Governance.ModelCards;
using Steward.ModelAudits;
using Steward.Reports.Documents;

namespace Steward.Web.Reports;

/// <summary>
/// Builds the report documents the UI shows — the same ones the API renders to HTML and Markdown —
/// so a page and a downloaded report never disagree. The host supplies it.
/// </summary>
public interface IReportDocuments
{
    /// <summary>An audit's report, with its charts.</summary>
    /// <remarks>Throws <see cref="Errors.StewardException"/> when the audit's kind cannot be rendered.</remarks>
    ReportDocument Audit(ModelAudit audit);

    /// <summary>A model card as a document, for download.</summary>
    ReportDocument ModelCard(ModelCard card);
}
