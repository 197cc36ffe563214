using System.Globalization;
using Steward.Analytics.Files;
using Steward.Stats.Evaluation;

namespace Steward.Analytics.Evaluation;

/// <summary>
/// The multiclass confusion matrix counted inside DuckDB (<c>GROUP BY</c> label, prediction), so only
/// one row per pair of labels leaves the database. Labels are compared as text unless both columns are
/// numeric, in which case they must be whole numbers and are ordered numerically (as scikit-learn orders
/// integer labels); text is ordered by ordinal comparison.
/// </summary>
internal static class MulticlassCounts
{
    public static MulticlassEvaluationReport Evaluate(DataFile file, string label, string prediction)
    {
        var actualColumn = file.Column(label);
        var predictedColumn = file.Column(prediction);
        RequireValues(file, actualColumn, "label");
        RequireValues(file, predictedColumn, "prediction");

        var numeric = actualColumn.IsNumeric && predictedColumn.IsNumeric;
        if (numeric)
        {
            RequireWholeNumbers(file, actualColumn, "label");
            RequireWholeNumbers(file, predictedColumn, "prediction");
        }

        var type = numeric ? "DOUBLE" : "VARCHAR";
        var pairs = new List<(string Actual, string Predicted, long Count, double ActualValue, double PredictedValue)>();
        var sql = $"SELECT CAST({DataFile.Quote(actualColumn.Name)} AS {type}), CAST({DataFile.Quote(predictedColumn.Name)} AS {type}), count(*) FROM data GROUP BY 1, 2";
        using (var reader = file.Reader(sql, e => $"columns '{actualColumn.Name}' and '{predictedColumn.Name}' cannot be counted: {e.Message.Split('\n')[0]}"))
        {
            while (reader.Read())
            {
                var count = Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture);
                if (numeric)
                {
                    double a = reader.GetDouble(0), p = reader.GetDouble(1);
                    pairs.Add((Show(a), Show(p), count, a, p));
                }
                else
                {
                    pairs.Add((reader.GetString(0), reader.GetString(1), count, 0, 0));
                }
            }
        }

        var labels = numeric
            ? pairs.SelectMany(p => new[] { (p.Actual, p.ActualValue), (p.Predicted, p.PredictedValue) }).Distinct().OrderBy(l => l.Item2).Select(l => l.Item1).ToList()
            : pairs.SelectMany(p => new[] { p.Actual, p.Predicted }).Distinct().Order(StringComparer.Ordinal).ToList();
        var position = labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i, StringComparer.Ordinal);
        var counts = labels.Select(_ => new long[labels.Count]).ToArray();
        foreach (var pair in pairs)
            counts[position[pair.Actual]][position[pair.Predicted]] += pair.Count;

        return MulticlassEvaluation.FromConfusion(new MulticlassConfusion(labels, counts));
    }

    private static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static void RequireValues(DataFile file, DataColumn column, string role)
    {
        using var reader = file.Reader($"SELECT count(*) FROM data WHERE {DataFile.Quote(column.Name)} IS NULL");
        reader.Read();
        var empty = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
        if (empty > 0)
            throw new DataFileException($"{role} column '{column.Name}' is empty in {empty} row{(empty == 1 ? "" : "s")}; every row needs a value");
    }

    private static void RequireWholeNumbers(DataFile file, DataColumn column, string role)
    {
        var name = DataFile.Quote(column.Name);
        using var reader = file.Reader($"SELECT CAST({name} AS DOUBLE) FROM data WHERE CAST({name} AS DOUBLE) <> trunc(CAST({name} AS DOUBLE)) OR isinf(CAST({name} AS DOUBLE)) LIMIT 1");
        if (reader.Read())
            throw new DataFileException(
                $"{role} column '{column.Name}' holds {Show(reader.GetDouble(0))}: multiclass labels must be whole numbers or text (for numeric predictions, use the regression task)");
    }
}
