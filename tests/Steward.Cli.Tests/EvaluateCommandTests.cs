using System.Text.Json;
using Steward.Cli.Tests.Support;

namespace Steward.Cli.Tests;

/// <summary>
/// <c>steward evaluate</c> as a subprocess over the reference files of
/// <c>tests/Steward.Stats.Tests/Reference</c>: tables, the documented JSON (values from
/// <c>evaluation_reference.py</c>, scikit-learn 1.2.1), reports, and bad input refused with exit 1 and one line.
/// </summary>
public sealed class EvaluateCommandTests : IDisposable
{
    private static readonly string Reference = FindReference();
    private static readonly string Telco = Path.Combine(Reference, "telco_scored.csv");
    private readonly string _folder = Directory.CreateTempSubdirectory("steward-evaluate-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_binary_evaluation_prints_its_metrics_and_confusion_matrix()
    {
        var result = await CliRunner.RunAsync("evaluate", "--input", Telco, "--label", "Churn", "--score", "score", "--positive", "Yes");
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.StartsWith("Binary evaluation of telco_scored.csv: 7,043 rows (1,869 positive), threshold 0.5", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("ROC AUC           │ 0.796386", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Actually positive │                 26 │              1,843", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_output_is_the_documented_report_and_agrees_with_sklearn()
    {
        var result = await CliRunner.RunAsync("evaluate", "--input", Telco, "--label", "Churn", "--score", "score", "--positive", "Yes", "--output", "json");
        Assert.True(result.ExitCode == 0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal("binary", root.GetProperty("task").GetString());
        Assert.Equal(7043, root.GetProperty("rows").GetInt64());
        Assert.Equal(0.796385619913371, root.GetProperty("metrics").GetProperty("rocAuc").GetDouble(), 1e-9);      // telco.roc_auc
        Assert.Equal(0.5965951022347908, root.GetProperty("metrics").GetProperty("averagePrecision").GetDouble(), 1e-9); // telco.average_precision
        Assert.Equal(26, root.GetProperty("confusionMatrix").GetProperty("truePositives").GetInt64());
        Assert.Equal("Yes", root.GetProperty("source").GetProperty("positive").GetString());
    }

    [Fact]
    public async Task A_where_filter_and_a_threshold_change_what_is_evaluated()
    {
        var result = await CliRunner.RunAsync("evaluate", "--input", Telco, "--label", "Churn", "--score", "score", "--positive", "Yes",
            "--where", "Contract = 'Month-to-month'", "--threshold", "0.3", "--output", "json");
        Assert.True(result.ExitCode == 0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(3875, json.RootElement.GetProperty("rows").GetInt64());                                                   // telco[...].rows
        Assert.Equal(0.7040864429384067, json.RootElement.GetProperty("metrics").GetProperty("rocAuc").GetDouble(), 1e-9);  // telco[...].roc_auc
        Assert.Equal(0.3, json.RootElement.GetProperty("threshold").GetDouble());
    }

    [Fact]
    public async Task Quantile_bins_shape_the_calibration_curve()
    {
        var result = await CliRunner.RunAsync("evaluate", "--input", Telco, "--label", "Churn", "--score", "score", "--positive", "Yes",
            "--bins", "5", "--bin-strategy", "quantile", "--output", "json");
        Assert.True(result.ExitCode == 0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        var calibration = json.RootElement.GetProperty("calibrationCurve");
        Assert.Equal("quantile", calibration.GetProperty("strategy").GetString());
        Assert.Equal(5, calibration.GetProperty("points").GetArrayLength());
    }

    [Fact]
    public async Task Numeric_predictions_are_a_regression()
    {
        var result = await CliRunner.RunAsync("evaluate", "--input", Path.Combine(Reference, "regression.csv"), "--label", "actual", "--prediction", "predicted", "--output", "json");
        Assert.True(result.ExitCode == 0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("regression", json.RootElement.GetProperty("task").GetString());
        Assert.Equal(14.342916814581335, json.RootElement.GetProperty("metrics").GetProperty("rmse").GetDouble(), 1e-9); // regression.rmse
    }

    [Fact]
    public async Task Text_predictions_are_a_multiclass_evaluation_with_a_confusion_matrix()
    {
        var result = await CliRunner.RunAsync("evaluate", "--input", Path.Combine(Reference, "multiclass.csv"), "--label", "actual", "--prediction", "predicted");
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.StartsWith("Multiclass evaluation of multiclass.csv: 600 rows, 6 labels", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Macro F1        │ 0.449545", result.Stdout, StringComparison.Ordinal);  // multiclass.macro_f1
        Assert.Contains("│ Actual \\ predicted │ bird │ cat │ dog │ emu │ fish │ yak │", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Note: precision is 0 by convention for labels never predicted: yak", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Integer_class_codes_are_a_multiclass_evaluation_when_asked()
    {
        var result = await CliRunner.RunAsync("evaluate", "--input", Path.Combine(Reference, "multiclass_int.csv"), "--label", "actual", "--prediction", "predicted",
            "--task", "multiclass", "--output", "json");
        Assert.True(result.ExitCode == 0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(["1", "2", "10", "11"], json.RootElement.GetProperty("confusionMatrix").GetProperty("labels").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task An_html_report_holds_the_three_curves()
    {
        var report = Path.Combine(_folder, "telco.html");
        var result = await CliRunner.RunAsync("evaluate", "--input", Telco, "--label", "Churn", "--score", "score", "--positive", "Yes", "--report", report);
        Assert.True(result.ExitCode == 0, result.Stderr);
        var html = await File.ReadAllTextAsync(report);
        Assert.Equal(3, html.Split("<figure><svg").Length - 1);
        Assert.Contains("ROC curve", html, StringComparison.Ordinal);
        Assert.Contains($"report written to {report}", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_markdown_report_writes_its_charts_beside_it()
    {
        var report = Path.Combine(_folder, "telco.md");
        var result = await CliRunner.RunAsync("evaluate", "--input", Telco, "--label", "Churn", "--score", "score", "--positive", "Yes", "--report", report);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.True(File.Exists(Path.Combine(_folder, "telco_files", "roc-curve.svg")));
        Assert.Contains("](telco_files/calibration-curve.svg)", await File.ReadAllTextAsync(report), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing column", "column 'target' is not in", "--label", "target", "--score", "score")]
    [InlineData("text label without --positive", "label column 'Churn' is not binary 0/1 or true/false", "--label", "Churn", "--score", "score")]
    [InlineData("text score", "column 'Contract' holds a value that is not a number at row 1", "--label", "Churn", "--score", "Contract", "--positive", "Yes")]
    [InlineData("score and prediction", "not both", "--label", "Churn", "--score", "score", "--prediction", "score", "--positive", "Yes")]
    [InlineData("neither score nor prediction", "give a score column", "--label", "Churn")]
    [InlineData("filter leaves nothing", "passes the filter 'score > 2'", "--label", "Churn", "--score", "score", "--positive", "Yes", "--where", "score > 2")]
    [InlineData("broken filter", "with filter 'no_such > 1' cannot be read", "--label", "Churn", "--score", "score", "--positive", "Yes", "--where", "no_such > 1")]
    [InlineData("threshold without score", "--threshold applies only to a binary evaluation with --score", "--label", "Churn", "--prediction", "Contract", "--threshold", "0.4")]
    [InlineData("report extension", "--report: 'out.pdf' must end in .html, .htm, .md or .markdown", "--label", "Churn", "--score", "score", "--positive", "Yes", "--report", "out.pdf")]
    public async Task Bad_input_exits_1_with_one_line_naming_the_problem(string _, string expected, params string[] args)
    {
        var result = await CliRunner.RunAsync(["evaluate", "--input", Telco, .. args]);
        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Stdout);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("steward: error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_data_file_exits_1_naming_it()
    {
        var result = await CliRunner.RunAsync("evaluate", "--input", "/nonexistent/scores.csv", "--label", "y", "--score", "p");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("steward: error: data file '/nonexistent/scores.csv' does not exist", result.Stderr.Trim());
    }

    [Theory]
    [InlineData("--task", "ranking")]
    [InlineData("--bins", "0")]
    [InlineData("--bin-strategy", "kmeans")]
    public async Task An_option_out_of_range_is_a_usage_error(string option, string value)
    {
        var result = await CliRunner.RunAsync("evaluate", "--input", Telco, "--label", "Churn", "--score", "score", "--positive", "Yes", option, value);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(option, result.Stderr, StringComparison.Ordinal);
    }

    private static string FindReference()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Steward.slnx")))
                return Path.Combine(dir.FullName, "tests", "Steward.Stats.Tests", "Reference");
        }

        throw new DirectoryNotFoundException($"No Steward.slnx above {AppContext.BaseDirectory}.");
    }
}
