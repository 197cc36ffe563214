using System.CommandLine;
using Steward.Analytics.Evaluation;
using Steward.Analytics.Files;
using Steward.Cli.Infrastructure;
using Steward.Cli.Output;
using Steward.Reports.Evaluation;
using Steward.Stats.Evaluation;

namespace Steward.Cli.Commands;

/// <summary>
/// <c>steward evaluate</c>: evaluates a model's outputs stored in a local CSV or Parquet file against
/// the truth — a binary classifier's scores, a regression's predictions or a multiclass classifier's
/// labels — printed as a table or the documented JSON, optionally written as an HTML or Markdown report.
/// Needs no server.
/// </summary>
internal static class EvaluateCommand
{
    private static readonly Option<string?> Score = new("--score")
    {
        Description = "A numeric score column (binary): higher means more likely positive; probabilities in [0, 1] also get log loss, Brier score and calibration.",
        HelpName = "column",
    };

    private static readonly Option<string?> Prediction = new("--prediction")
    {
        Description = "The prediction column (regression: numbers; multiclass: labels).",
        HelpName = "column",
    };

    private static readonly Option<string?> TaskOption = new("--task")
    {
        Description = "binary, regression or multiclass. Default: binary with --score; with --prediction, regression when both columns are numeric, else multiclass (integer class codes need --task multiclass).",
        HelpName = "binary|regression|multiclass",
    };

    private static readonly Option<int> Bins = new("--bins")
    {
        Description = "Bins of the calibration curve (binary).",
        DefaultValueFactory = _ => 10,
        HelpName = "n",
    };

    private static readonly Option<string> BinStrategy = new("--bin-strategy")
    {
        Description = "Calibration bins of equal width over [0, 1] (uniform) or holding equal numbers of rows (quantile).",
        DefaultValueFactory = _ => "uniform",
        HelpName = "uniform|quantile",
    };

    static EvaluateCommand()
    {
        OneOf(TaskOption, "binary", "regression", "multiclass");
        OneOf(BinStrategy, "uniform", "quantile");
        Bins.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 1000)
                r.AddError("--bins must be between 1 and 1000.");
        });
    }

    private static void OneOf(Option option, params string[] values) => option.Validators.Add(r =>
    {
        if (r.GetValueOrDefault<string?>() is { } value && !values.Contains(value, StringComparer.Ordinal))
            r.AddError($"{option.Name} must be {string.Join(", ", values[..^1])} or {values[^1]}, not '{value}'.");
    });

    public static Command Create()
    {
        var command = new Command("evaluate", "Evaluate a model's outputs in a file against the truth: binary (ROC AUC, average precision, log loss, Brier, threshold metrics, curves), regression (MAE, RMSE, R², MAPE) or multiclass (accuracy, F1, confusion matrix), as scikit-learn defines them.")
        {
            CliOptions.Input, CliOptions.Label, Score, Prediction, TaskOption, CliOptions.Positive, CliOptions.ScoreThreshold, CliOptions.Where,
            Bins, BinStrategy, CliOptions.Output, CliOptions.Report,
        };
        command.SetAction((parse, _) => CliAction.RunAsync(() => Task.FromResult(Run(parse))));
        return command;
    }

    private static int Run(ParseResult parse)
    {
        FileAudit.Run(parse, () => Evaluate(parse), EvaluationJson.Serialize, EvaluationTables.Print, EvaluationReportDocument.Build);
        return ExitCodes.Ok;
    }

    private static EvaluationReport Evaluate(ParseResult parse)
    {
        if (parse.GetValue(CliOptions.ScoreThreshold) is not null && parse.GetValue(Score) is null)
            throw new CliException("--threshold applies only to a binary evaluation with --score");

        var request = new EvaluationRequest
        {
            Label = parse.GetRequiredValue(CliOptions.Label),
            Score = parse.GetValue(Score),
            Prediction = parse.GetValue(Prediction),
            Task = parse.GetValue(TaskOption) is { } task ? Enum.Parse<EvaluationTask>(task, ignoreCase: true) : null,
            Positive = parse.GetValue(CliOptions.Positive),
            Binary = new BinaryEvaluationOptions
            {
                Threshold = parse.GetValue(CliOptions.ScoreThreshold) ?? 0.5,
                CalibrationBins = parse.GetValue(Bins),
                CalibrationStrategy = parse.GetValue(BinStrategy) == "quantile" ? CalibrationStrategy.Quantile : CalibrationStrategy.Uniform,
            },
        };

        using var file = DataFile.Open(parse.GetRequiredValue(CliOptions.Input), parse.GetValue(CliOptions.Where));
        return FileEvaluation.Evaluate(file, request);
    }
}
