using Steward.Reports.Charts;
using Steward.Reports.Documents;
using Steward.Stats.Evaluation;
using static Steward.Reports.Evaluation.EvaluationReportDocument;

namespace Steward.Reports.Evaluation;

/// <summary>The metrics, confusion matrix and three curves of a binary evaluation.</summary>
internal static class BinarySections
{
    public static void Add(ReportDocument document, BinaryEvaluationReport report)
    {
        var m = report.Metrics;
        document.Heading("Metrics").Add(MetricTable([
            ("ROC AUC", m.RocAuc),
            ("Average precision", m.AveragePrecision),
            ("Log loss", m.LogLoss),
            ("Brier score", m.BrierScore),
            ("Accuracy (at the threshold)", m.Accuracy),
            ("Precision (at the threshold)", m.Precision),
            ("Recall (at the threshold)", m.Recall),
            ("F1 (at the threshold)", m.F1),
        ]));

        var c = report.ConfusionMatrix;
        document.Heading("Confusion matrix").Add(new TableBlock(
            ["", "Predicted positive", "Predicted negative"],
            [
                ["Actually positive", Count(c.TruePositives), Count(c.FalseNegatives)],
                ["Actually negative", Count(c.FalsePositives), Count(c.TrueNegatives)],
            ],
            $"Rows by actual and predicted class at threshold {Number(report.Threshold)}")
        {
            RightAligned = new HashSet<int> { 1, 2 },
        });

        document.Heading("Curves");
        if (report.CurvesThinned)
            document.Paragraph("The curves had more points than a chart can show; points closer than the chart's resolution were left out. The areas are computed from every point.");
        if (report.RocCurve is { } roc)
            document.Figure("roc-curve", RocChart(roc, m.RocAuc), "ROC curve: true positive rate against false positive rate as the threshold falls.");
        document.Figure("precision-recall-curve", PrecisionRecallChart(report), "Precision-recall curve, step-wise as average precision sums it; the dashed line is the share of positive rows.");
        if (report.CalibrationCurve is { } calibration)
            document.Figure("calibration-curve", CalibrationChart(calibration), $"Calibration: share of positive rows against the mean score in each of {calibration.Bins} {StrategyName(calibration.Strategy)} bins (empty bins left out).");
    }

    private static string RocChart(IReadOnlyList<RocPoint> roc, double? auc) => new LineChart
    {
        Title = "ROC curve",
        Series = [new LineSeries($"model (AUC {Number(auc)})", roc.Select(p => (p.FalsePositiveRate, p.TruePositiveRate)).ToList())],
        XAxisLabel = "False positive rate",
        YAxisLabel = "True positive rate",
        XMin = 0, XMax = 1, YMin = 0, YMax = 1,
        Diagonal = "chance",
    }.ToSvg();

    private static string PrecisionRecallChart(BinaryEvaluationReport report) => new LineChart
    {
        Title = "Precision-recall curve",
        // In scikit-learn's order (recall falling), a step holds each precision back to the previous recall: the area AP sums.
        Series = [new LineSeries($"model (AP {Number(report.Metrics.AveragePrecision)})", report.PrecisionRecallCurve.Select(p => (p.Recall, p.Precision)).ToList()) { Step = true }],
        XAxisLabel = "Recall",
        YAxisLabel = "Precision",
        XMin = 0, XMax = 1, YMin = 0, YMax = 1,
        Lines = [new ReferenceLine(report.Rows == 0 ? 0 : (double)report.Positives / report.Rows, "no skill (share of positives)")],
    }.ToSvg();

    private static string CalibrationChart(CalibrationCurveReport calibration) => new LineChart
    {
        Title = "Calibration curve",
        Series = [new LineSeries("model", calibration.Points.Select(p => (p.MeanPredicted, p.FractionPositive)).ToList()) { Markers = true }],
        XAxisLabel = "Mean score in bin",
        YAxisLabel = "Share of positive rows",
        XMin = 0, XMax = 1, YMin = 0, YMax = 1,
        Diagonal = "perfectly calibrated",
    }.ToSvg();

    private static string StrategyName(CalibrationStrategy strategy) =>
        strategy == CalibrationStrategy.Quantile ? "quantile" : "equal-width";
}
