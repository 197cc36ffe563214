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
        var integers = IsInteger(actualColumn) && IsInteger(predictedColumn);
        if (numeric && !integers)
        {
            RequireWholeNumbers(file, actualColumn, "label");
            RequireWholeNumbers(file, predictedColumn, "prediction");
        }

        // Integer columns are grouped exactly as BIGINT; decimals holding whole numbers as DOUBLE.
        var type = !numeric ? "VARCHAR" : integers ? "BIGINT" : "DOUBLE";
        // Each label as text, with the number it sorts by when the columns are numeric.
        var pairs = new List<(string Actual, string Predicted, long Count)>();
        var order = new Dictionary<string, (long Integer, double Real)>(StringComparer.Ordinal);
        var sql = $"SELECT CAST({DataFile.Quote(actualColumn.Name)} AS {type}), CAST({DataFile.Quote(predictedColumn.Name)} AS {type}), count(*) FROM data GROUP BY 1, 2";
        using (var reader = file.Reader(sql, e => $"columns '{actualColumn.Name}' and '{predictedColumn.Name}' cannot be counted: {e.Message.Split('\n')[0]}"))
        {
            while (reader.Read())
            {
                var count = Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture);
                if (integers)
                {
                    long a = reader.GetInt64(0), p = reader.GetInt64(1);
                    pairs.Add((Remember(order, a.ToString(CultureInfo.InvariantCulture), (a, 0)), Remember(order, p.ToString(CultureInfo.InvariantCulture), (p, 0)), count));
                }
                else if (numeric)
                {
                    double a = reader.GetDouble(0), p = reader.GetDouble(1);
                    pairs.Add((Remember(order, Show(a), (0, a)), Remember(order, Show(p), (0, p)), count));
                }
                else
                {
                    pairs.Add((Remember(order, reader.GetString(0), default), Remember(order, reader.GetString(1), default), count));
                }
            }
        }

        var labels = numeric
            ? order.OrderBy(l => l.Value.Integer).ThenBy(l => l.Value.Real).Select(l => l.Key).ToList()
            : order.Keys.Order(StringComparer.Ordinal).ToList();
        var position = labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i, StringComparer.Ordinal);
        var counts = labels.Select(_ => new long[labels.Count]).ToArray();
        foreach (var pair in pairs)
            counts[position[pair.Actual]][position[pair.Predicted]] += pair.Count;

        return MulticlassEvaluation.FromConfusion(new MulticlassConfusion(labels, counts));
    }

    private static string Remember(Dictionary<string, (long Integer, double Real)> order, string label, (long, double) value)
    {
        order.TryAdd(label, value);
        return label;
    }

    private static bool IsInteger(DataColumn column) =>
        column.SqlType is "TINYINT" or "SMALLINT" or "INTEGER" or "BIGINT" or "UTINYINT" or "USMALLINT" or "UINTEGER";

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
