using System.Text.Json;
using Steward.Analytics.Fairness;
using Steward.Analytics.Files;
using Steward.Errors;
using Steward.ModelAudits;
using Steward.Reports.Documents;
using Steward.Reports.Fairness;
using Steward.Stats.Fairness;

namespace Steward.Server.ModelAudits;

/// <summary>Fairness audits through the API: counting in DuckDB, the verdict from the four-fifths rule.</summary>
internal sealed class FairnessAuditRunner : IModelAuditRunner
{
    public ModelAuditKind Kind => ModelAuditKind.Fairness;

    public ModelAuditOutcome Run(JsonElement body, DataSetFolder dataSets, CancellationToken cancellationToken)
    {
        var request = ModelAuditJsonContext.Read(body, ModelAuditJsonContext.Default.FairnessAuditRequest);
        var path = dataSets.Resolve(request.Data, "data");
        var spec = new FairnessDataSpec
        {
            Label = request.Label ?? throw Missing("label"),
            Sensitive = request.Sensitive ?? throw Missing("sensitive"),
            Prediction = request.Prediction,
            Score = request.Score,
            Threshold = request.Threshold,
            Positive = request.Positive,
        };
        var resamples = request.Bootstrap ?? 1000;
        if (resamples is < 0 or > FairnessLimits.MaxBootstrapResamples)
            throw StewardException.Invalid($"Invalid value '{resamples}' for parameter 'bootstrap': expected 0 to {FairnessLimits.MaxBootstrapResamples}.");
        var options = new FairnessOptions
        {
            Method = request.Method switch
            {
                null or "between-groups" => DisparityMethod.BetweenGroups,
                "to-overall" => DisparityMethod.ToOverall,
                var other => throw StewardException.Invalid($"Invalid value '{other}' for parameter 'method': expected between-groups or to-overall."),
            },
            ReferenceGroup = request.ReferenceGroup,
            DisparateImpactThreshold = request.DisparateImpactThreshold ?? 0.8,
            Bootstrap = resamples == 0 ? null : new BootstrapOptions(resamples, request.Confidence ?? 0.95, request.Seed ?? 0),
        };

        FairnessReport report;
        try
        {
            using var file = DataFile.Open(path, request.Where);
            report = FairnessFileAudit.Run(file, spec, options);
        }
        catch (Exception e) when (e is DataFileException or ArgumentException)
        {
            throw StewardException.Invalid(e.Message.Replace(dataSets.Root + Path.DirectorySeparatorChar, "", StringComparison.Ordinal));
        }
        // The stored report names the data set as the client did, not by the server's folder layout.
        report = report with { Source = report.Source! with { Data = dataSets.Relative(path) } };

        var impact = report.Disparities.DisparateImpact;
        var failing = impact.Groups.Count(g => g.BelowThreshold == true);
        var verdict = impact.PassesFourFifthsRule == false ? ModelAuditVerdict.Failed : ModelAuditVerdict.Passed;
        var summary = verdict == ModelAuditVerdict.Failed
            ? $"{failing} of {report.Groups.Count} groups below {impact.Threshold:0.##} of the reference group's selection rate"
            : $"every group within {impact.Threshold:0.##} of the reference group's selection rate";
        return new ModelAuditOutcome(dataSets.Relative(path), body.GetRawText(), FairnessJson.Serialize(report), verdict, summary);
    }

    public ReportDocument Render(ModelAudit audit) => FairnessReportDocument.Build(FairnessJson.Deserialize(audit.ReportJson));

    private static StewardException Missing(string field) =>
        StewardException.Invalid($"Missing value for required parameter '{field}'.");
}
