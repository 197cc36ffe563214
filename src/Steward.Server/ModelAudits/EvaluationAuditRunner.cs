using System.Globalization;
using System.Text.Json;
using Steward.Analytics.Evaluation;
using Steward.Analytics.Files;
using Steward.Errors;
using Steward.ModelAudits;
using Steward.Reports.Documents;
using Steward.Reports.Evaluation;
using Steward.Stats.Evaluation;

namespace Steward.Server.ModelAudits;

/// <summary>Evaluation audits through the API; the verdict compares the report's metrics with the request's bounds.</summary>
internal sealed class EvaluationAuditRunner : IModelAuditRunner
{
    public ModelAuditKind Kind => ModelAuditKind.Evaluation;

    public ModelAuditOutcome Run(JsonElement body, DataSetFolder dataSets, CancellationToken cancellationToken)
    {
        var request = ModelAuditJsonContext.Read(body, ModelAuditJsonContext.Default.EvaluationAuditRequest);
        var path = dataSets.Resolve(request.Data, "data");
        var evaluation = new EvaluationRequest
        {
            Label = request.Label ?? throw StewardException.Invalid("Missing value for required parameter 'label'."),
            Score = request.Score,
            Prediction = request.Prediction,
            Positive = request.Positive,
            Task = request.Task switch
            {
                null => null,
                "binary" => EvaluationTask.Binary,
                "regression" => EvaluationTask.Regression,
                "multiclass" => EvaluationTask.Multiclass,
                var other => throw StewardException.Invalid($"Invalid value '{other}' for parameter 'task': expected binary, regression or multiclass."),
            },
            Binary = new BinaryEvaluationOptions
            {
                Threshold = request.Threshold ?? 0.5,
                CalibrationBins = request.Bins ?? 10,
                CalibrationStrategy = request.BinStrategy switch
                {
                    null or "uniform" => CalibrationStrategy.Uniform,
                    "quantile" => CalibrationStrategy.Quantile,
                    var other => throw StewardException.Invalid($"Invalid value '{other}' for parameter 'binStrategy': expected uniform or quantile."),
                },
            },
        };

        EvaluationReport report;
        try
        {
            using var file = DataFile.Open(path, request.Where);
            report = FileEvaluation.Evaluate(file, evaluation);
        }
        catch (Exception e) when (e is DataFileException or ArgumentException)
        {
            throw StewardException.Invalid(e.Message.Replace(dataSets.Root + Path.DirectorySeparatorChar, "", StringComparison.Ordinal));
        }
        report = report with { Source = report.Source! with { Data = dataSets.Relative(path) } };
        var json = EvaluationJson.Serialize(report);

        var misses = Misses(json, request.Minimums, "minimums", (value, bound) => value >= bound, "below")
            .Concat(Misses(json, request.Maximums, "maximums", (value, bound) => value <= bound, "above"))
            .ToList();
        var summary = misses.Count > 0
            ? string.Join("; ", misses)
            : $"{report.Task} evaluation of {report.Rows:N0} rows" + (request.Minimums is null && request.Maximums is null ? "" : " within every bound");
        return new ModelAuditOutcome(dataSets.Relative(path), body.GetRawText(), json,
            misses.Count > 0 ? ModelAuditVerdict.Failed : ModelAuditVerdict.Passed, summary);
    }

    public ReportDocument Render(ModelAudit audit) => EvaluationReportDocument.Build(EvaluationJson.Deserialize(audit.ReportJson));

    /// <summary>The bounds a report's metrics miss, as readable phrases; an unknown metric name is a bad request.</summary>
    private static IEnumerable<string> Misses(string reportJson, IReadOnlyDictionary<string, double>? bounds, string field,
        Func<double, double, bool> meets, string word)
    {
        if (bounds is null || bounds.Count == 0)
            return [];
        using var document = JsonDocument.Parse(reportJson);
        var metrics = document.RootElement.GetProperty("metrics");
        var misses = new List<string>();
        foreach (var (name, bound) in bounds)
        {
            if (!metrics.TryGetProperty(name, out var value))
                throw StewardException.Invalid(
                    $"Invalid metric '{name}' in '{field}': this evaluation reports {string.Join(", ", metrics.EnumerateObject().Select(p => p.Name))}.");
            if (value.ValueKind != JsonValueKind.Number)
                misses.Add($"{name} is undefined (bound {Format(bound)})");
            else if (!meets(value.GetDouble(), bound))
                misses.Add($"{name} {Format(value.GetDouble())} {word} {Format(bound)}");
        }
        return misses;
    }

    private static string Format(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
