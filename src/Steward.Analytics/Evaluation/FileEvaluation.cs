using Steward.Analytics.Files;
using Steward.Stats.Evaluation;

namespace Steward.Analytics.Evaluation;

/// <summary>
/// Evaluates a model's outputs stored in a data file (with its row filter): reads and checks the
/// columns, then hands them to the statistics engine. Used by <c>steward evaluate</c> and by the server.
/// </summary>
public static class FileEvaluation
{
    /// <summary>The evaluation report of <paramref name="file"/>'s rows.</summary>
    /// <exception cref="DataFileException">A column is missing or holds values the task cannot use; the message names it.</exception>
    /// <exception cref="EvaluationInputException">The request is contradictory or an option is out of range, or no row passes the filter.</exception>
    public static EvaluationReport Evaluate(DataFile file, EvaluationRequest request)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(request);
        var task = TaskOf(file, request);
        RequireRows(file.CountRows(), file);
        var label = file.Column(request.Label).Name;
        var source = new EvaluationSource(file.Path, file.Where, label,
            request.Score is null ? null : file.Column(request.Score).Name,
            request.Prediction is null ? null : file.Column(request.Prediction).Name,
            task == EvaluationTask.Binary ? request.Positive : null);

        EvaluationReport report = task switch
        {
            EvaluationTask.Binary => Binary(file, source, request),
            EvaluationTask.Regression => Regression(file, source),
            _ => MulticlassCounts.Evaluate(file, source.Label, source.Prediction!),
        };
        return report with { Source = source };
    }

    /// <summary>The task the request asks for, checked against the columns it names.</summary>
    public static EvaluationTask TaskOf(DataFile file, EvaluationRequest request)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(request);
        request.Binary.Validate();
        if (request.Score is not null && request.Prediction is not null)
            throw new EvaluationInputException("give either a score column (binary) or a prediction column (regression, multiclass), not both");
        if (request.Score is null && request.Prediction is null)
            throw new EvaluationInputException("give a score column for a binary evaluation or a prediction column for regression or multiclass");

        if (request.Score is not null)
        {
            if (request.Task is { } asked && asked != EvaluationTask.Binary)
                throw new EvaluationInputException($"a score column makes a binary evaluation; {asked.ToString().ToLowerInvariant()} needs a prediction column");
            return EvaluationTask.Binary;
        }

        if (request.Task == EvaluationTask.Binary)
            throw new EvaluationInputException("a binary evaluation needs a score column, not a prediction column");
        if (request.Positive is not null)
            throw new EvaluationInputException("a positive label value applies only to a binary evaluation (with a score column)");
        if (request.Task is { } task)
            return task;

        var bothNumeric = file.Column(request.Label).IsNumeric && file.Column(request.Prediction!).IsNumeric;
        return bothNumeric ? EvaluationTask.Regression : EvaluationTask.Multiclass;
    }

    private static BinaryEvaluationReport Binary(DataFile file, EvaluationSource source, EvaluationRequest request)
    {
        var labels = BinaryLabels.Read(file, source.Label, request.Positive);
        var scores = file.ReadNumbers(source.Score!);
        RequireFinite(scores, $"score column '{source.Score}'");
        return BinaryEvaluation.Evaluate(labels, scores, request.Binary);
    }

    private static RegressionEvaluationReport Regression(DataFile file, EvaluationSource source)
    {
        var actual = file.ReadNumbers(source.Label);
        RequireFinite(actual, $"label column '{source.Label}'");
        var predicted = file.ReadNumbers(source.Prediction!);
        RequireFinite(predicted, $"prediction column '{source.Prediction}'");
        return RegressionEvaluation.Evaluate(actual, predicted);
    }

    private static void RequireRows(long rows, DataFile file)
    {
        if (rows == 0)
            throw new EvaluationInputException(file.Where is null
                ? $"data file '{file.Path}' has no rows to evaluate"
                : $"no row of '{file.Path}' passes the filter '{file.Where}'");
    }

    private static void RequireFinite(double[] values, string what)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (double.IsNaN(values[i]))
                throw new DataFileException($"{what} is empty at row {i + 1}; every row needs a value");
            if (double.IsInfinity(values[i]))
                throw new DataFileException($"{what} is infinite at row {i + 1}; every value must be a finite number");
        }
    }
}
