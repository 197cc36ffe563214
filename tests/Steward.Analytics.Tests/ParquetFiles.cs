using DuckDB.NET.Data;
using Steward.Analytics.Files;

namespace Steward.Analytics.Tests;

/// <summary>
/// Writes Parquet test files with a DuckDB of the tests' own: <see cref="DataFile"/> may read only
/// the file it opened, so it cannot write one.
/// </summary>
internal static class ParquetFiles
{
    /// <summary>Writes the rows of <paramref name="query"/> to <paramref name="parquet"/>.</summary>
    public static void Write(string parquet, string query)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"COPY ({query}) TO {DataFile.Literal(parquet)} (FORMAT parquet)";
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Writes <paramref name="select"/> over a CSV file to Parquet, typing the CSV the way
    /// <see cref="DataFile"/> does (no BOOLEAN guess), so both files hold the same values.
    /// </summary>
    public static void FromCsv(string csv, string parquet, string select = "*") =>
        Write(parquet, $"SELECT {select} FROM read_csv({DataFile.Literal(csv)}, header = true, "
            + "auto_type_candidates = ['BIGINT', 'DOUBLE', 'DATE', 'TIMESTAMP', 'VARCHAR'])");
}
