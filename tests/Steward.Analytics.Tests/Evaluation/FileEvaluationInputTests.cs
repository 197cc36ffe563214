using Steward.Analytics.Evaluation;
using Steward.Analytics.Files;
using Steward.Stats.Evaluation;

namespace Steward.Analytics.Tests.Evaluation;

/// <summary>Columns and requests an evaluation cannot use are refused with a message naming the problem.</summary>
public sealed class FileEvaluationInputTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("steward-evaluation-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_missing_label_column_is_named_with_the_columns_there_are()
    {
        var error = Refused<DataFileException>("label,score\n1,0.5\n0,0.2\n", new EvaluationRequest { Label = "target", Score = "score" });
        Assert.Contains("column 'target' is not in", error.Message);
        Assert.Contains("its columns are: label, score", error.Message);
    }

    [Fact]
    public void A_missing_score_column_is_named()
    {
        var error = Refused<DataFileException>("label,score\n1,0.5\n0,0.2\n", new EvaluationRequest { Label = "label", Score = "probability" });
        Assert.Contains("column 'probability' is not in", error.Message);
    }

    [Fact]
    public void A_label_with_more_than_two_values_is_not_binary()
    {
        var error = Refused<DataFileException>("label,score\n1,0.5\n0,0.2\n2,0.4\n", new EvaluationRequest { Label = "label", Score = "score" });
        Assert.Contains("label column 'label' is not binary", error.Message);
    }

    [Fact]
    public void A_text_score_is_refused_naming_the_column_and_row()
    {
        var error = Refused<DataFileException>("label,score\n1,0.5\n0,high\n", new EvaluationRequest { Label = "label", Score = "score" });
        Assert.Contains("column 'score' holds a value that is not a number at row 2", error.Message);
    }

    [Fact]
    public void An_empty_score_is_refused_naming_the_column_and_row()
    {
        var error = Refused<DataFileException>("label,score\n1,0.5\n0,\n1,0.7\n", new EvaluationRequest { Label = "label", Score = "score" });
        Assert.Equal("score column 'score' is empty at row 2; every row needs a value", error.Message);
    }

    [Fact]
    public void An_infinite_score_is_refused()
    {
        var error = Refused<DataFileException>("label,score\n1,0.5\n0,inf\n", new EvaluationRequest { Label = "label", Score = "score" });
        Assert.Equal("score column 'score' is infinite at row 2; every value must be a finite number", error.Message);
    }

    [Fact]
    public void A_filter_that_leaves_no_row_is_refused_naming_it()
    {
        var error = Refused<EvaluationInputException>("label,score\n1,0.5\n0,0.2\n", new EvaluationRequest { Label = "label", Score = "score" }, "score > 2");
        Assert.Contains("no row of", error.Message);
        Assert.Contains("passes the filter 'score > 2'", error.Message);
    }

    [Fact]
    public void A_score_and_a_prediction_together_are_refused()
    {
        var error = Refused<EvaluationInputException>("label,score\n1,0.5\n", new EvaluationRequest { Label = "label", Score = "score", Prediction = "score" });
        Assert.Contains("not both", error.Message);
    }

    [Fact]
    public void A_binary_task_with_a_prediction_column_is_refused()
    {
        var error = Refused<EvaluationInputException>("label,pred\n1,1\n", new EvaluationRequest { Label = "label", Prediction = "pred", Task = EvaluationTask.Binary });
        Assert.Equal("a binary evaluation needs a score column, not a prediction column", error.Message);
    }

    [Fact]
    public void A_positive_value_without_a_score_is_refused()
    {
        var error = Refused<EvaluationInputException>("label,pred\na,b\n", new EvaluationRequest { Label = "label", Prediction = "pred", Positive = "a" });
        Assert.Contains("applies only to a binary evaluation", error.Message);
    }

    [Fact]
    public void An_empty_multiclass_label_is_refused_with_a_count()
    {
        var error = Refused<DataFileException>("label,pred\na,b\n,a\nb,b\n", new EvaluationRequest { Label = "label", Prediction = "pred" });
        Assert.Equal("label column 'label' is empty in 1 row; every row needs a value", error.Message);
    }

    [Fact]
    public void Fractional_numbers_are_not_class_labels()
    {
        var error = Refused<DataFileException>("label,pred\n1,1\n2,1.5\n", new EvaluationRequest { Label = "label", Prediction = "pred", Task = EvaluationTask.Multiclass });
        Assert.Contains("prediction column 'pred' holds 1.5", error.Message);
    }

    [Fact]
    public void An_empty_regression_target_is_refused_naming_the_row()
    {
        var error = Refused<DataFileException>("actual,predicted\n1.5,1.0\n,2.0\n", new EvaluationRequest { Label = "actual", Prediction = "predicted" });
        Assert.Equal("label column 'actual' is empty at row 2; every row needs a value", error.Message);
    }

    private TException Refused<TException>(string csv, EvaluationRequest request, string? where = null)
        where TException : Exception
    {
        var path = Path.Combine(_folder, "data.csv");
        File.WriteAllText(path, csv);
        using var file = DataFile.Open(path, where);
        return Assert.Throws<TException>(() => FileEvaluation.Evaluate(file, request));
    }
}
