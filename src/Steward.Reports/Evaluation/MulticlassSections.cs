using Steward.Reports.Documents;
using Steward.Stats.Evaluation;
using static Steward.Reports.Evaluation.EvaluationReportDocument;

namespace Steward.Reports.Evaluation;

/// <summary>The overall metrics, per-label metrics and confusion matrix of a multiclass evaluation.</summary>
internal static class MulticlassSections
{
    public static void Add(ReportDocument document, MulticlassEvaluationReport report)
    {
        var m = report.Metrics;
        document.Heading("Metrics").Add(MetricTable([
            ("Accuracy", m.Accuracy),
            ("Macro F1", m.MacroF1),
            ("Micro F1", m.MicroF1),
            ("Weighted F1", m.WeightedF1),
            ("Macro precision", m.MacroPrecision),
            ("Macro recall", m.MacroRecall),
        ]));

        document.Heading("Per label").Add(new TableBlock(
            ["Label", "Precision", "Recall", "F1", "Support"],
            report.Classes.Select(c => (IReadOnlyList<string>)[c.Label, Number(c.Precision), Number(c.Recall), Number(c.F1), Count(c.Support)]).ToList())
        {
            RightAligned = new HashSet<int> { 1, 2, 3, 4 },
        });

        var labels = report.ConfusionMatrix.Labels;
        document.Heading("Confusion matrix").Add(new TableBlock(
            ["Actual \\ predicted", .. labels],
            labels.Select((label, i) => (IReadOnlyList<string>)[label, .. report.ConfusionMatrix.Counts[i].Select(Count)]).ToList(),
            "Rows by actual label (rows) and predicted label (columns)")
        {
            RightAligned = Enumerable.Range(1, labels.Count).ToHashSet(),
        });
    }
}
