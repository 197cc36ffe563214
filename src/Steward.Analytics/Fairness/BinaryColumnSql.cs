using System.Globalization;
using Steward.Analytics.Files;

namespace Steward.Analytics.Fairness;

/// <summary>
/// A label or prediction column as a SQL expression coding each row 0 (negative), 1 (positive),
/// 2 (NULL) or 3 (a value that is not binary), so one GROUP BY both counts and validates it.
/// </summary>
internal sealed class BinaryColumnSql
{
    public const int Negative = 0, Positive = 1, Null = 2, Other = 3;

    private BinaryColumnSql(string role, DataColumn column, string code, string? positive, string? threshold)
    {
        Role = role;
        Column = column;
        Code = code;
        PositiveValue = positive;
        Threshold = threshold;
    }

    /// <summary>"label", "prediction" or "score", for messages.</summary>
    public string Role { get; }

    public DataColumn Column { get; }

    /// <summary>The expression giving 0, 1, 2 or 3.</summary>
    public string Code { get; }

    /// <summary>The positive value compared as text, or null when the column is read as 0/1, true/false or a score.</summary>
    public string? PositiveValue { get; }

    /// <summary>The score threshold as written in SQL, or null.</summary>
    public string? Threshold { get; }

    /// <summary>The column as text, for the values other than the positive one and for error samples.</summary>
    public string Text => $"CAST({DataFile.Quote(Column.Name)} AS VARCHAR)";

    /// <summary>A label, or a prediction read the same way (the positive value applies only to text predictions).</summary>
    public static BinaryColumnSql Binary(string role, DataColumn column, string? positive)
    {
        var name = DataFile.Quote(column.Name);
        if (positive is not null && (role == "label" || !(column.IsNumeric || column.SqlType == "BOOLEAN")))
        {
            return new BinaryColumnSql(role, column,
                $"CASE WHEN {name} IS NULL THEN {Null} WHEN CAST({name} AS VARCHAR) = {DataFile.Literal(positive)} THEN {Positive} ELSE {Negative} END",
                positive, null);
        }

        var code = column.SqlType == "BOOLEAN"
            ? $"CASE WHEN {name} IS NULL THEN {Null} WHEN {name} THEN {Positive} ELSE {Negative} END"
            : column.IsNumeric
                ? $"CASE WHEN {name} IS NULL THEN {Null} WHEN {name} = 1 THEN {Positive} WHEN {name} = 0 THEN {Negative} ELSE {Other} END"
                // The same spellings BinaryLabels accepts.
                : $"CASE WHEN {name} IS NULL THEN {Null} WHEN lower(trim(CAST({name} AS VARCHAR))) IN ('1', '1.0', 'true') THEN {Positive} "
                  + $"WHEN lower(trim(CAST({name} AS VARCHAR))) IN ('0', '0.0', 'false') THEN {Negative} ELSE {Other} END";
        return new BinaryColumnSql(role, column, code, null, null);
    }

    /// <summary>A numeric score: positive at or above the threshold; NULL and NaN count as missing.</summary>
    public static BinaryColumnSql Score(DataColumn column, double threshold)
    {
        if (!column.IsNumeric)
            throw new DataFileException($"score column '{column.Name}' is not numeric (it is {column.SqlType})");
        var name = DataFile.Quote(column.Name);
        // The threshold goes in as its exact round-trip text, cast to DOUBLE, so 0.1 is the double 0.1.
        var t = DataFile.Literal(threshold.ToString("R", CultureInfo.InvariantCulture));
        return new BinaryColumnSql("score", column,
            $"CASE WHEN {name} IS NULL OR isnan(CAST({name} AS DOUBLE)) THEN {Null} WHEN CAST({name} AS DOUBLE) >= CAST({t} AS DOUBLE) THEN {Positive} ELSE {Negative} END",
            null, t);
    }
}
