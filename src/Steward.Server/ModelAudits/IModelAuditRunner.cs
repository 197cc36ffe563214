using System.Text.Json;
using Steward.ModelAudits;

namespace Steward.Server.ModelAudits;

/// <summary>
/// Runs one kind of audit for the API: reads its settings from the request body, reads the data
/// sets through <see cref="DataSetFolder"/>, and returns what is kept as evidence.
/// </summary>
internal interface IModelAuditRunner
{
    /// <summary>The kind this runner handles.</summary>
    ModelAuditKind Kind { get; }

    /// <summary>Runs the audit; bad settings or unreadable data are <see cref="Errors.StewardException"/>s naming the problem.</summary>
    ModelAuditOutcome Run(JsonElement request, DataSetFolder dataSets, CancellationToken cancellationToken);

    /// <summary>Renders a stored report of this kind as a document a reviewer reads.</summary>
    Reports.Documents.ReportDocument Render(ModelAudit audit);
}

/// <summary>An audit's result, before it is recorded.</summary>
/// <param name="DataSource">The data set(s) read, as the client named them.</param>
/// <param name="SettingsJson">The settings used, as JSON.</param>
/// <param name="ReportJson">The report, in the documented JSON shape of its kind.</param>
/// <param name="Verdict">Passed or failed against the thresholds.</param>
/// <param name="Summary">One line for lists.</param>
internal sealed record ModelAuditOutcome(string DataSource, string SettingsJson, string ReportJson, ModelAuditVerdict Verdict, string Summary);
