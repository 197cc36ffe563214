using System.Globalization;
using System.Text.Json;
using Steward.Analytics.Drift;
using Steward.Analytics.Files;
using Steward.Errors;
using Steward.ModelAudits;
using Steward.Reports.Documents;
using Steward.Reports.Drift;
using Steward.Stats.Drift;

namespace Steward.Server.ModelAudits;

/// <summary>Drift audits through the API; the verdict is the data-set drift flag.</summary>
internal sealed class DriftAuditRunner : IModelAuditRunner
{
    public ModelAuditKind Kind => ModelAuditKind.Drift;

    public ModelAuditOutcome Run(JsonElement body, DataSetFolder dataSets, CancellationToken cancellationToken)
    {
        var request = ModelAuditJsonContext.Read(body, ModelAuditJsonContext.Default.DriftAuditRequest);
        var reference = dataSets.Resolve(request.Reference, "reference");
        var current = dataSets.Resolve(request.Current, "current");
        DriftMethod? method = null;
        if (request.Method is not null)
            method = DriftMethods.TryParse(request.Method, out var parsed)
                ? parsed
                : throw StewardException.Invalid($"Invalid value '{request.Method}' for parameter 'method'.");
        var defaults = new DriftOptions();
        var options = new DriftFileOptions
        {
            Columns = request.Columns,
            Categorical = request.Categorical ?? [],
            Numeric = request.Numeric ?? [],
            Drift = defaults with
            {
                Method = method,
                Threshold = request.Threshold,
                Bins = request.Bins ?? defaults.Bins,
                DriftShare = request.DriftShare ?? defaults.DriftShare,
            },
        };

        DriftReport report;
        try
        {
            report = DriftFiles.Run(reference, current, request.Where, options);
        }
        catch (Exception e) when (e is DataFileException or ArgumentException)
        {
            throw StewardException.Invalid(e.Message.Replace(dataSets.Root + Path.DirectorySeparatorChar, "", StringComparison.Ordinal));
        }

        var json = report.ToJson().Replace(dataSets.Root + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);
        var share = report.DriftedShare is { } s ? s.ToString("0.##%", CultureInfo.InvariantCulture) : "n/a";
        var summary = $"{report.DriftedColumns} of {report.Columns.Count} columns drifted ({share})"
            + (report.DatasetDrift ? "; the data set has drifted" : "");
        return new ModelAuditOutcome($"{dataSets.Relative(reference)} → {dataSets.Relative(current)}", body.GetRawText(), json,
            report.DatasetDrift ? ModelAuditVerdict.Failed : ModelAuditVerdict.Passed, summary);
    }

    public ReportDocument Render(ModelAudit audit) => DriftReportDocument.Build(DriftReport.FromJson(audit.ReportJson));
}
