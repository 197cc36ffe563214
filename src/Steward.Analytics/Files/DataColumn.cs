namespace Steward.Analytics.Files;

/// <summary>A column of a data file as DuckDB typed it (e.g. <c>BIGINT</c>, <c>DOUBLE</c>, <c>VARCHAR</c>).</summary>
public sealed record DataColumn(string Name, string SqlType)
{
    /// <summary>True for integer, decimal and floating-point types.</summary>
    public bool IsNumeric => SqlType is "TINYINT" or "SMALLINT" or "INTEGER" or "BIGINT" or "HUGEINT"
        or "UTINYINT" or "USMALLINT" or "UINTEGER" or "UBIGINT" or "FLOAT" or "DOUBLE"
        || SqlType.StartsWith("DECIMAL", StringComparison.Ordinal);
}
