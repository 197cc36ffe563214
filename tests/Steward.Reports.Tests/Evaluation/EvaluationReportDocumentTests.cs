using System.Xml.Linq;
using Steward.Reports.Documents;
using Steward.Reports.Evaluation;
using Steward.Stats.Evaluation;

namespace Steward.Reports.Tests.Evaluation;

public sealed class EvaluationReportDocumentTests
{
    private static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    private static BinaryEvaluationReport Binary()
    {
        var random = new Random(3);
        var labels = Enumerable.Range(0, 400).Select(_ => random.NextDouble() < 0.4).ToArray();
        var scores = labels.Select(l => Math.Round(Math.Clamp((l ? 0.65 : 0.35) + random.NextDouble() * 0.6 - 0.3, 0, 1), 2)).ToArray();
        return BinaryEvaluation.Evaluate(labels, scores) with { Source = new EvaluationSource("scores.csv", "region = 'north'", "churned", "p", null, "Yes") };
    }

    [Fact]
    public void A_binary_report_draws_roc_precision_recall_and_calibration_curves()
    {
        var figures = EvaluationReportDocument.Build(Binary()).Blocks.OfType<FigureBlock>().ToList();
        Assert.Equal(["roc-curve", "precision-recall-curve", "calibration-curve"], figures.Select(f => f.Name));
        Assert.All(figures, f => Assert.Single(XDocument.Parse(f.Svg).Descendants(Ns + "polyline")));
    }

    [Fact]
    public void The_roc_chart_names_the_area_in_its_legend()
    {
        var report = Binary();
        var roc = EvaluationReportDocument.Build(report).Blocks.OfType<FigureBlock>().First();
        Assert.Contains(XDocument.Parse(roc.Svg).Descendants(Ns + "text"), t => t.Value == $"model (AUC {EvaluationReportDocument.Number(report.Metrics.RocAuc)})");
    }

    [Fact]
    public void The_confusion_matrix_is_a_table_of_actual_against_predicted_counts()
    {
        var report = Binary();
        var table = EvaluationReportDocument.Build(report).Blocks.OfType<TableBlock>().Single(t => t.Headers.Contains("Predicted positive"));
        Assert.Equal(["Actually positive", report.ConfusionMatrix.TruePositives.ToString("N0"), report.ConfusionMatrix.FalseNegatives.ToString("N0")], table.Rows[0]);
        Assert.Equal(["Actually negative", report.ConfusionMatrix.FalsePositives.ToString("N0"), report.ConfusionMatrix.TrueNegatives.ToString("N0")], table.Rows[1]);
    }

    [Fact]
    public void The_facts_name_the_data_filter_and_columns()
    {
        var facts = EvaluationReportDocument.Build(Binary()).Blocks.OfType<FactsBlock>().Single().Facts.ToDictionary();
        Assert.Equal("scores.csv", facts["Data"]);
        Assert.Equal("region = 'north'", facts["Rows where"]);
        Assert.Equal("Yes", facts["Positive label value"]);
    }

    [Fact]
    public void With_one_class_there_is_no_roc_chart_and_the_reason_is_a_warning()
    {
        var document = EvaluationReportDocument.Build(BinaryEvaluation.Evaluate([true, true, true], [0.2, 0.5, 0.9]));
        Assert.DoesNotContain(document.Blocks.OfType<FigureBlock>(), f => f.Name == "roc-curve");
        Assert.Contains(document.Blocks.OfType<CalloutBlock>(), c => c.Kind == CalloutKind.Warning && c.Text.Contains("rocAuc and rocCurve are null", StringComparison.Ordinal));
        Assert.Contains(document.Blocks.OfType<TableBlock>().First().Rows, r => r[0] == "ROC AUC" && r[1] == "undefined");
    }

    [Fact]
    public void Markdown_writes_each_curve_as_an_svg_file()
    {
        var rendered = EvaluationReportDocument.Build(Binary()).Render(ReportFormat.Markdown, "churn-eval");
        Assert.Equal(
            ["churn-eval_files/calibration-curve.svg", "churn-eval_files/precision-recall-curve.svg", "churn-eval_files/roc-curve.svg"],
            rendered.Files.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("](churn-eval_files/roc-curve.svg)", rendered.Text);
    }

    [Fact]
    public void The_html_page_carries_the_report_json_that_reads_back_as_the_report()
    {
        var report = Binary();
        var json = EvaluationReportDocument.Build(report).Blocks.OfType<JsonBlock>().Single().Json;
        Assert.Equal(EvaluationJson.Serialize(report), EvaluationJson.Serialize(EvaluationJson.Deserialize(json)));
        Assert.Contains("<figure><svg", EvaluationReportDocument.Build(report).Render(ReportFormat.Html, "r").Text);
    }

    [Fact]
    public void A_multiclass_report_has_a_confusion_matrix_with_a_row_and_column_per_label()
    {
        var report = MulticlassEvaluation.Evaluate(["cat", "dog", "dog", "emu"], ["cat", "cat", "dog", "dog"]);
        var table = EvaluationReportDocument.Build(report).Blocks.OfType<TableBlock>().Single(t => t.Caption?.StartsWith("Rows by actual label", StringComparison.Ordinal) == true);
        Assert.Equal(["Actual \\ predicted", "cat", "dog", "emu"], table.Headers);
        Assert.Equal(["dog", "1", "1", "0"], table.Rows[1]);
    }

    [Fact]
    public void A_regression_report_lists_its_four_metrics()
    {
        var document = EvaluationReportDocument.Build(RegressionEvaluation.Evaluate([1.0, 2.0, 4.0], [1.5, 2.0, 3.0]));
        var metrics = document.Blocks.OfType<TableBlock>().Single();
        Assert.Equal(4, metrics.Rows.Count);
        Assert.Equal(["Mean absolute error (MAE)", "0.5"], metrics.Rows[0]);
        Assert.Empty(document.Blocks.OfType<FigureBlock>());
    }
}
