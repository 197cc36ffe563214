using Steward.Analytics.Evaluation;
using Steward.Analytics.Files;
using Steward.Stats.Evaluation;

namespace Steward.Analytics.Tests.Evaluation;

/// <summary>Multiclass labels counted in DuckDB keep their identity and scikit-learn's order, whatever their column type.</summary>
public sealed class MulticlassCountsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("steward-multiclass-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Integer_labels_beyond_double_precision_stay_distinct_and_ordered()
    {
        var report = Evaluate("actual,predicted\n9007199254740993,9007199254740992\n9007199254740992,9007199254740992\n-3,-3\n");
        Assert.Equal(["-3", "9007199254740992", "9007199254740993"], report.ConfusionMatrix.Labels);
        Assert.Equal([0L, 1, 0], report.ConfusionMatrix.Counts[2]);
    }

    [Fact]
    public void Whole_numbers_written_as_decimals_are_labels_ordered_numerically()
    {
        var report = Evaluate("actual,predicted\n10.0,2.0\n2.0,2.0\n1.5e1,10.0\n");
        Assert.Equal(["2", "10", "15"], report.ConfusionMatrix.Labels);
    }

    [Fact]
    public void A_text_column_against_a_number_column_compares_labels_as_text()
    {
        var report = Evaluate("actual,predicted\n1,1\n2,x\n10,1\n");
        Assert.Equal(["1", "10", "2", "x"], report.ConfusionMatrix.Labels);
        Assert.Equal(1.0 / 3, report.Metrics.Accuracy, 1e-12);
    }

    private MulticlassEvaluationReport Evaluate(string csv)
    {
        var path = Path.Combine(_folder, "labels.csv");
        File.WriteAllText(path, csv);
        using var file = DataFile.Open(path);
        return Assert.IsType<MulticlassEvaluationReport>(FileEvaluation.Evaluate(file,
            new EvaluationRequest { Label = "actual", Prediction = "predicted", Task = EvaluationTask.Multiclass }));
    }
}
