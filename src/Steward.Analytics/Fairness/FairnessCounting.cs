using System.Globalization;
using Steward.Analytics.Files;
using Steward.Stats.Classification;
using Steward.Stats.Fairness;

namespace Steward.Analytics.Fairness;

/// <summary>
/// Counts a data file's (group, label, prediction) cells inside DuckDB with one
/// <c>SELECT sensitive..., label code, prediction code, count(*) ... GROUP BY ALL</c>, and checks the
/// columns from that same result: a NULL label or prediction, a value that is not binary, a positive
/// value never seen, or a sensitive column with no value is a <see cref="DataFileException"/> naming it.
/// </summary>
/// <remarks>
/// Rows whose sensitive value is NULL are not dropped: they form a group of their own (the value
/// null, shown as "(missing)"), so nothing is left out of the audit without the reader seeing it.
/// </remarks>
public static class FairnessCounting
{
    /// <summary>The contingency table of <paramref name="file"/> (after its filter).</summary>
    public static FairnessTable Count(DataFile file, FairnessDataSpec spec)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();

        var sensitive = spec.Sensitive.Select(file.Column).ToArray();
        var duplicate = sensitive.GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new DataFileException($"sensitive column '{duplicate.Key}' is named twice");
        var label = BinaryColumnSql.Binary("label", file.Column(spec.Label), spec.Positive);
        var prediction = spec.Score is not null
            ? BinaryColumnSql.Score(file.Column(spec.Score), spec.Threshold!.Value)
            : BinaryColumnSql.Binary("prediction", file.Column(spec.Prediction!), spec.Positive);

        var select = new List<string>();
        select.AddRange(sensitive.Select(c => $"CAST({DataFile.Quote(c.Name)} AS VARCHAR)"));
        select.Add(label.Code);
        select.Add(prediction.Code);
        select.Add("count(*)");
        // With a named positive value the other values must be a single one: their min and max agree.
        foreach (var column in new[] { label, prediction }.Where(c => c.PositiveValue is not null))
        {
            var other = $"CASE WHEN {column.Code} = {BinaryColumnSql.Negative} THEN {column.Text} END";
            select.Add($"min({other})");
            select.Add($"max({other})");
        }

        // Bounded read: an identifier passed as a sensitive column is refused, not read in full.
        var limit = (FairnessLimits.MaxGroups + 1) * 16;
        var sql = $"SELECT {string.Join(", ", select)} FROM data GROUP BY ALL LIMIT {limit}";
        var rows = new List<(string?[] Values, int Label, int Prediction, long Count, string?[] Others)>();
        using (var reader = file.Reader(sql, e => $"cannot count '{file.Path}': {e.Message.Split('\n')[0]}"))
        {
            var f = sensitive.Length;
            while (reader.Read())
            {
                var values = new string?[f];
                for (var i = 0; i < f; i++)
                    values[i] = reader.IsDBNull(i) ? null : reader.GetString(i);
                var others = new string?[reader.FieldCount - f - 3];
                for (var i = 0; i < others.Length; i++)
                    others[i] = reader.IsDBNull(f + 3 + i) ? null : reader.GetString(f + 3 + i);
                rows.Add((values, reader.GetInt32(f), reader.GetInt32(f + 1), reader.GetInt64(f + 2), others));
            }
        }

        if (rows.Count == 0)
            throw new DataFileException(file.Where is null
                ? $"data file '{file.Path}' has no rows"
                : $"the filter '{file.Where}' selects no row of '{file.Path}'");
        if (rows.Count >= limit || rows.Select(r => r.Values).Distinct(ValuesComparer.Instance).Count() > FairnessLimits.MaxGroups)
            throw new DataFileException(
                $"the sensitive columns {string.Join(", ", sensitive.Select(c => $"'{c.Name}'"))} make more than {FairnessLimits.MaxGroups:N0} groups; is one of them an identifier?");

        // The min/max columns follow count(*) in the order added above: the label's first when it has them.
        var labelOthers = label.PositiveValue is null ? -1 : 0;
        var predictionOthers = prediction.PositiveValue is null ? -1 : labelOthers + 2;
        Check(file, label, rows.Select(r => (r.Label, r.Count)).ToList(), OtherValues(rows.Select(r => r.Others).ToList(), labelOthers));
        Check(file, prediction, rows.Select(r => (r.Prediction, r.Count)).ToList(), OtherValues(rows.Select(r => r.Others).ToList(), predictionOthers));
        for (var i = 0; i < sensitive.Length; i++)
        {
            if (rows.All(r => r.Values[i] is null))
                throw new DataFileException($"sensitive column '{sensitive[i].Name}' is empty: it is NULL in every row");
        }

        var groups = rows.Select(r => new GroupCounts(r.Values, Cell(r.Label, r.Prediction, r.Count)));
        return FairnessTable.Create(sensitive.Select(c => c.Name).ToArray(), groups);
    }

    private static (IEnumerable<string?> Min, IEnumerable<string?> Max)? OtherValues(List<string?[]> others, int at) =>
        at < 0 ? null : (others.Select(o => o[at]).ToList(), others.Select(o => o[at + 1]).ToList());

    private static ConfusionCounts Cell(int label, int prediction, long count) => (label, prediction) switch
    {
        (1, 1) => new ConfusionCounts(count, 0, 0, 0),
        (0, 1) => new ConfusionCounts(0, count, 0, 0),
        (0, 0) => new ConfusionCounts(0, 0, count, 0),
        _ => new ConfusionCounts(0, 0, 0, count),
    };

    private static void Check(DataFile file, BinaryColumnSql column, IEnumerable<(int Code, long Count)> codes,
        (IEnumerable<string?> Min, IEnumerable<string?> Max)? others)
    {
        var byCode = codes.GroupBy(c => c.Code).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        var name = column.Column.Name;
        if (byCode.TryGetValue(BinaryColumnSql.Null, out var nulls))
        {
            var what = column.Role == "score" ? "NULL or NaN" : "NULL";
            throw new DataFileException($"{column.Role} column '{name}' is {what} in {nulls.ToString("N0", CultureInfo.InvariantCulture)} rows; filter them out with --where");
        }
        if (byCode.ContainsKey(BinaryColumnSql.Other))
        {
            var hint = column.Role == "prediction" && column.Column.IsNumeric
                ? "; for a score use --score with --threshold"
                : "; name the positive value with --positive";
            throw new DataFileException($"{column.Role} column '{name}' is not binary 0/1 or true/false (it holds {Sample(file, column)}){hint}");
        }
        if (column.PositiveValue is null || others is null)
            return;

        if (!byCode.ContainsKey(BinaryColumnSql.Positive))
            throw new DataFileException($"{column.Role} column '{name}' never holds the positive value '{column.PositiveValue}'; it holds {Sample(file, column)}");
        var min = others.Value.Min.Where(v => v is not null).Min(StringComparer.Ordinal);
        var max = others.Value.Max.Where(v => v is not null).Max(StringComparer.Ordinal);
        if (min is not null && !string.Equals(min, max, StringComparison.Ordinal))
            throw new DataFileException($"{column.Role} column '{name}' is not binary: besides '{column.PositiveValue}' it holds {Sample(file, column)}");
    }

    /// <summary>A few distinct values of the column, for error messages (a second query, run only when failing).</summary>
    private static string Sample(DataFile file, BinaryColumnSql column)
    {
        var sql = $"SELECT DISTINCT {column.Text} AS v FROM data WHERE {column.Text} IS NOT NULL"
            + (column.PositiveValue is null
                ? $" AND ({column.Code}) = {BinaryColumnSql.Other}"
                : $" AND {column.Text} <> {DataFile.Literal(column.PositiveValue)}")
            + " ORDER BY v LIMIT 6";
        var values = new List<string>();
        using var reader = file.Reader(sql);
        while (reader.Read())
            values.Add(reader.GetString(0));
        return string.Join(", ", values.Take(5).Select(v => $"'{v}'")) + (values.Count > 5 ? ", ..." : "");
    }

    private sealed class ValuesComparer : IEqualityComparer<string?[]>
    {
        public static readonly ValuesComparer Instance = new();

        public bool Equals(string?[]? x, string?[]? y) => x is not null && y is not null && x.SequenceEqual(y, StringComparer.Ordinal);

        public int GetHashCode(string?[] obj)
        {
            var hash = new HashCode();
            foreach (var v in obj)
                hash.Add(v is null ? 0 : StringComparer.Ordinal.GetHashCode(v));
            return hash.ToHashCode();
        }
    }
}
