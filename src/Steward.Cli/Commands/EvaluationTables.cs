using System.Globalization;
using Spectre.Console;
using Steward.Cli.Output;
using Steward.Stats.Evaluation;

namespace Steward.Cli.Commands;

/// <summary>The tables <c>steward evaluate</c> prints for people: metrics, confusion matrix, per-label or calibration details, notes.</summary>
internal static class EvaluationTables
{
    public static void Print(EvaluationReport report)
    {
        Printer.Line(Heading(report));
        switch (report)
        {
            case BinaryEvaluationReport binary:
                PrintBinary(binary);
                break;
            case RegressionEvaluationReport regression:
                Metrics(
                    ("MAE", regression.Metrics.MeanAbsoluteError),
                    ("RMSE", regression.Metrics.RootMeanSquaredError),
                    ("R²", regression.Metrics.R2),
                    ("MAPE (fraction)", regression.Metrics.MeanAbsolutePercentageError));
                break;
            case MulticlassEvaluationReport multiclass:
                PrintMulticlass(multiclass);
                break;
        }

        foreach (var note in report.Notes)
            Printer.Line("Note: " + note);
    }

    private static string Heading(EvaluationReport report)
    {
        var source = report.Source is { } s ? $" of {Path.GetFileName(s.Data)}{(s.Where is null ? "" : $" where {s.Where}")}" : "";
        var rows = $"{Count(report.Rows)} rows";
        return report switch
        {
            BinaryEvaluationReport b => $"Binary evaluation{source}: {rows} ({Count(b.Positives)} positive), threshold {b.Threshold.ToString("R", CultureInfo.InvariantCulture)}",
            MulticlassEvaluationReport m => $"Multiclass evaluation{source}: {rows}, {m.Classes.Count} labels",
            _ => $"Regression evaluation{source}: {rows}",
        };
    }

    private static void PrintBinary(BinaryEvaluationReport report)
    {
        var m = report.Metrics;
        Metrics(
            ("ROC AUC", m.RocAuc), ("Average precision", m.AveragePrecision), ("Log loss", m.LogLoss), ("Brier score", m.BrierScore),
            ("Accuracy", m.Accuracy), ("Precision", m.Precision), ("Recall", m.Recall), ("F1", m.F1));

        var c = report.ConfusionMatrix;
        var confusion = Printer.Table("", "Predicted positive", "Predicted negative");
        confusion.Row("Actually positive", Count(c.TruePositives), Count(c.FalseNegatives));
        confusion.Row("Actually negative", Count(c.FalsePositives), Count(c.TrueNegatives));
        confusion.Columns[1].RightAligned();
        confusion.Columns[2].RightAligned();
        Printer.Write(confusion);

        if (report.CalibrationCurve is { } calibration)
        {
            var bins = Printer.Table("Calibration bin", "Rows", "Mean score", "Share positive");
            foreach (var bin in calibration.Points)
                bins.Row($"{Edge(bin.Lower)} – {Edge(bin.Upper)}", Count(bin.Count), Number(bin.MeanPredicted), Number(bin.FractionPositive));
            for (var i = 1; i < 4; i++)
                bins.Columns[i].RightAligned();
            Printer.Write(bins);
        }
    }

    private static void PrintMulticlass(MulticlassEvaluationReport report)
    {
        var m = report.Metrics;
        Metrics(("Accuracy", m.Accuracy), ("Macro F1", m.MacroF1), ("Micro F1", m.MicroF1), ("Weighted F1", m.WeightedF1),
            ("Macro precision", m.MacroPrecision), ("Macro recall", m.MacroRecall));

        var classes = Printer.Table("Label", "Precision", "Recall", "F1", "Support");
        foreach (var c in report.Classes)
            classes.Row(c.Label, Number(c.Precision), Number(c.Recall), Number(c.F1), Count(c.Support));
        for (var i = 1; i < 5; i++)
            classes.Columns[i].RightAligned();
        Printer.Write(classes);

        var labels = report.ConfusionMatrix.Labels;
        var confusion = Printer.Table(["Actual \\ predicted", .. labels]);
        for (var i = 0; i < labels.Count; i++)
            confusion.Row([labels[i], .. report.ConfusionMatrix.Counts[i].Select(Count)]);
        for (var i = 1; i <= labels.Count; i++)
            confusion.Columns[i].RightAligned();
        Printer.Write(confusion);
    }

    private static void Metrics(params (string Name, double? Value)[] metrics)
    {
        var table = Printer.Table("Metric", "Value");
        foreach (var (name, value) in metrics)
            table.Row(name, Number(value));
        table.Columns[1].RightAligned();
        Printer.Write(table);
    }

    private static string Number(double? value) => value?.ToString("0.000000", CultureInfo.InvariantCulture) ?? "undefined";

    private static string Edge(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
