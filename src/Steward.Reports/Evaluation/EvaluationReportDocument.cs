using System.Globalization;
using Steward.Reports.Documents;
using Steward.Stats.Evaluation;

namespace Steward.Reports.Evaluation;

/// <summary>
/// Turns an evaluation report into the document a reviewer reads: what was evaluated, the metrics,
/// the confusion matrix and, for binary classifiers, the ROC, precision-recall and calibration curves;
/// the report's JSON at the end.
/// </summary>
public static class EvaluationReportDocument
{
    /// <summary>The document for <paramref name="report"/>, ready to render as HTML or Markdown.</summary>
    public static ReportDocument Build(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var document = new ReportDocument(report switch
        {
            BinaryEvaluationReport => "Model evaluation: binary classifier",
            RegressionEvaluationReport => "Model evaluation: regression",
            MulticlassEvaluationReport => "Model evaluation: multiclass classifier",
            _ => throw new ArgumentException($"unknown evaluation report {report.GetType().Name}", nameof(report)),
        });

        document.Facts(Facts(report).ToArray());
        foreach (var note in report.Notes)
            document.Callout(note, CalloutKind.Warning);

        switch (report)
        {
            case BinaryEvaluationReport binary:
                BinarySections.Add(document, binary);
                break;
            case RegressionEvaluationReport regression:
                document.Heading("Metrics").Add(MetricTable([
                    ("Mean absolute error (MAE)", regression.Metrics.MeanAbsoluteError),
                    ("Root mean squared error (RMSE)", regression.Metrics.RootMeanSquaredError),
                    ("R²", regression.Metrics.R2),
                    ("Mean absolute percentage error (MAPE, fraction)", regression.Metrics.MeanAbsolutePercentageError),
                ]));
                break;
            case MulticlassEvaluationReport multiclass:
                MulticlassSections.Add(document, multiclass);
                break;
        }

        document.Paragraph("Metrics follow scikit-learn 1.2's definitions; a value undefined for these rows is shown as \"undefined\" (null in the JSON) with the reason above.");
        return document.Json(EvaluationJson.Serialize(report), "Report data (JSON)");
    }

    internal static string Number(double? value) =>
        value is { } v ? v.ToString("G6", CultureInfo.InvariantCulture) : "undefined";

    internal static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    internal static TableBlock MetricTable(IEnumerable<(string Name, double? Value)> metrics) =>
        new(["Metric", "Value"], metrics.Select(m => (IReadOnlyList<string>)[m.Name, Number(m.Value)]).ToList())
        {
            RightAligned = new HashSet<int> { 1 },
        };

    private static IEnumerable<(string, string)> Facts(EvaluationReport report)
    {
        if (report.Source is { } source)
        {
            yield return ("Data", source.Data);
            if (source.Where is not null)
                yield return ("Rows where", source.Where);
            yield return ("Label column", source.Label);
            if (source.Score is not null)
                yield return ("Score column", source.Score);
            if (source.Prediction is not null)
                yield return ("Prediction column", source.Prediction);
            if (source.Positive is not null)
                yield return ("Positive label value", source.Positive);
        }

        yield return ("Rows", Count(report.Rows));
        if (report is BinaryEvaluationReport binary)
        {
            yield return ("Positive / negative rows", $"{Count(binary.Positives)} / {Count(binary.Negatives)}");
            yield return ("Threshold", $"score ≥ {binary.Threshold.ToString("R", CultureInfo.InvariantCulture)} is predicted positive");
        }
    }
}
