using System.Text.Json;
using Steward.Stats.Evaluation;

namespace Steward.Stats.Tests.Evaluation;

/// <summary>The report's JSON is the documented contract: task first, camelCase, null for undefined metrics.</summary>
public sealed class EvaluationJsonTests
{
    [Fact]
    public void A_binary_report_starts_with_its_task_and_names_its_metrics_in_camel_case()
    {
        var json = EvaluationJson.Serialize(BinaryEvaluation.Evaluate([true, false, true, false], [0.9, 0.2, 0.6, 0.7]));
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal("task", root.EnumerateObject().First().Name);
        Assert.Equal("binary", root.GetProperty("task").GetString());
        Assert.Equal(4, root.GetProperty("rows").GetInt64());
        var metrics = root.GetProperty("metrics");
        Assert.Equal(["accuracy", "precision", "recall", "f1", "rocAuc", "averagePrecision", "logLoss", "brierScore"], metrics.EnumerateObject().Select(p => p.Name));
        Assert.Equal(0.75, metrics.GetProperty("rocAuc").GetDouble());
        Assert.Equal(["truePositives", "falsePositives", "trueNegatives", "falseNegatives"], root.GetProperty("confusionMatrix").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["falsePositiveRate", "truePositiveRate", "threshold"], root.GetProperty("rocCurve")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("uniform", root.GetProperty("calibrationCurve").GetProperty("strategy").GetString());
        Assert.Equal(["meanPredicted", "fractionPositive", "count", "lower", "upper"], root.GetProperty("calibrationCurve").GetProperty("points")[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void An_undefined_metric_is_written_as_null()
    {
        var json = EvaluationJson.Serialize(BinaryEvaluation.Evaluate([true, true], [0.9, 0.2]));
        using var document = JsonDocument.Parse(json);
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("metrics").GetProperty("rocAuc").ValueKind);
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("rocCurve").ValueKind);
        Assert.NotEmpty(document.RootElement.GetProperty("notes").EnumerateArray());
    }

    [Fact]
    public void The_final_precision_recall_point_has_a_null_threshold()
    {
        var json = EvaluationJson.Serialize(BinaryEvaluation.Evaluate([true, false], [0.9, 0.2]));
        using var document = JsonDocument.Parse(json);
        var curve = document.RootElement.GetProperty("precisionRecallCurve");
        Assert.Equal(JsonValueKind.Null, curve[curve.GetArrayLength() - 1].GetProperty("threshold").ValueKind);
    }

    [Fact]
    public void Regression_metrics_use_their_short_names()
    {
        var json = EvaluationJson.Serialize(RegressionEvaluation.Evaluate([1.0, 2.0, 4.0], [1.5, 2.0, 3.0]));
        using var document = JsonDocument.Parse(json);
        Assert.Equal("regression", document.RootElement.GetProperty("task").GetString());
        Assert.Equal(["mae", "rmse", "r2", "mape"], document.RootElement.GetProperty("metrics").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void A_multiclass_report_carries_labels_and_counts()
    {
        var json = EvaluationJson.Serialize(MulticlassEvaluation.Evaluate(["a", "b", "b"], ["a", "a", "b"]));
        using var document = JsonDocument.Parse(json);
        var matrix = document.RootElement.GetProperty("confusionMatrix");
        Assert.Equal(["a", "b"], matrix.GetProperty("labels").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(1, matrix.GetProperty("counts")[1][0].GetInt64());
        Assert.Equal("b", document.RootElement.GetProperty("classes")[1].GetProperty("label").GetString());
    }

    [Fact]
    public void Every_report_reads_back_equal_to_what_was_written()
    {
        EvaluationReport[] reports =
        [
            BinaryEvaluation.Evaluate([true, false, true, false], [0.9, 0.2, 0.6, 0.7]) with { Source = new EvaluationSource("scores.csv", "x > 1", "y", "p", null, "Yes") },
            RegressionEvaluation.Evaluate([1.0, 2.0, 4.0], [1.5, 2.0, 3.0]),
            MulticlassEvaluation.Evaluate(["a", "b", "b"], ["a", "a", "b"]),
        ];
        foreach (var report in reports)
        {
            var json = EvaluationJson.Serialize(report);
            Assert.Equal(json, EvaluationJson.Serialize(EvaluationJson.Deserialize(json)));
        }
    }
}
