using System.Data.Common;
using DuckDB.NET.Data;

namespace Steward.Analytics.Files;

/// <summary>
/// A CSV or Parquet file opened through an in-memory DuckDB, seen as the relation <c>data</c>
/// (optionally filtered by a SQL predicate, so a study's cohort is selected inside DuckDB).
/// Reads whole columns into arrays for the statistics engine, or runs aggregations on the file.
/// The connection may read this one file and nothing else: the filter comes from users (over the
/// server's API too), and a subquery in it must not reach other files, the network or settings.
/// </summary>
public sealed partial class DataFile : IDisposable
{
    private readonly DuckDBConnection _connection;

    private DataFile(string path, string? where, DuckDBConnection connection, IReadOnlyList<DataColumn> columns)
    {
        Path = path;
        Where = where;
        _connection = connection;
        Columns = columns;
    }

    /// <summary>The file as given.</summary>
    public string Path { get; }

    /// <summary>The row filter applied to every read, or null.</summary>
    public string? Where { get; }

    /// <summary>The file's columns in file order.</summary>
    public IReadOnlyList<DataColumn> Columns { get; }

    /// <summary>
    /// Opens <paramref name="path"/> (<c>.csv</c>, <c>.tsv</c>, <c>.csv.gz</c> or <c>.parquet</c>) and checks
    /// that it and the filter can be read; a problem is a <see cref="DataFileException"/> naming it.
    /// </summary>
    public static DataFile Open(string path, string? where = null)
    {
        if (!File.Exists(path))
            throw new DataFileException($"data file '{path}' does not exist");
        var source = SourceExpression(path);
        var connection = new DuckDBConnection("DataSource=:memory:");
        try
        {
            connection.Open();
            ConfineTo(connection, path);
            var filter = string.IsNullOrWhiteSpace(where) ? "" : $" WHERE ({where})";
            Execute(connection, $"CREATE VIEW data AS SELECT * FROM {source}{filter}",
                e => string.IsNullOrWhiteSpace(where)
                    ? $"data file '{path}' cannot be read: {FirstLine(e.Message)}"
                    : $"data file '{path}' with filter '{where}' cannot be read: {FirstLine(e.Message)}");
            var columns = ReadColumns(connection, path);
            return new DataFile(path, string.IsNullOrWhiteSpace(where) ? null : where, connection, columns);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The column named <paramref name="name"/> (exact, then case-insensitive), or an error listing the columns.</summary>
    public DataColumn Column(string name) =>
        Columns.FirstOrDefault(c => c.Name == name)
        ?? Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new DataFileException(
            $"column '{name}' is not in '{Path}'; its columns are: {string.Join(", ", Columns.Select(c => c.Name))}");

    /// <summary>Rows that pass the filter.</summary>
    public long CountRows() => Convert.ToInt64(Scalar("SELECT count(*) FROM data"), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A numeric column as doubles; SQL NULL becomes NaN. A non-numeric value is an error naming the column.</summary>
    public double[] ReadNumbers(string column) => ReadNumberColumns([column])[0];

    /// <summary>Any column as text (numbers in DuckDB's canonical form); SQL NULL stays null.</summary>
    public string?[] ReadText(string column) => ReadTextColumns([column])[0];

    /// <summary>
    /// Runs a query over the relation <c>data</c> (for aggregations pushed into DuckDB). Quote column
    /// names with <see cref="Quote"/>; <paramref name="describe"/> turns a DuckDB error into the user's message.
    /// </summary>
    public DbDataReader Reader(string sql, Func<Exception, string>? describe = null)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        try
        {
            return command.ExecuteReader();
        }
        catch (Exception e) when (e is DuckDBException or InvalidOperationException)
        {
            command.Dispose();
            throw new DataFileException(describe?.Invoke(e) ?? $"query over '{Path}' failed: {FirstLine(e.Message)}", e);
        }
    }

    /// <summary>A column name as a SQL identifier.</summary>
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>A text value as a SQL string literal.</summary>
    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    private object? Scalar(string sql)
    {
        using var reader = Reader(sql);
        return reader.Read() ? reader.GetValue(0) : null;
    }

    // Boolean is left out so that labels such as Yes/No stay text and a named positive value matches them.
    private const string CsvTypeCandidates = "['BIGINT', 'DOUBLE', 'DATE', 'TIMESTAMP', 'VARCHAR']";

    private static string SourceExpression(string path)
    {
        var lower = path.ToLowerInvariant();
        if (lower.EndsWith(".parquet", StringComparison.Ordinal))
            return $"read_parquet({Literal(path)})";
        if (lower.EndsWith(".csv", StringComparison.Ordinal) || lower.EndsWith(".tsv", StringComparison.Ordinal)
            || lower.EndsWith(".csv.gz", StringComparison.Ordinal) || lower.EndsWith(".txt", StringComparison.Ordinal))
            return $"read_csv({Literal(path)}, header = true, auto_type_candidates = {CsvTypeCandidates})";
        throw new DataFileException($"data file '{path}' is neither CSV (.csv, .tsv, .csv.gz) nor Parquet (.parquet)");
    }

    // Allows reading only the data file, then turns off every other file and network access and
    // locks the configuration, so nothing a filter says can widen it again.
    private static void ConfineTo(DuckDBConnection connection, string path)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        Execute(connection, $"SET allowed_paths = [{Literal(fullPath)}, {Literal(path)}]",
            e => $"data file '{path}' cannot be opened: {FirstLine(e.Message)}");
        Execute(connection, "SET enable_external_access = false; SET lock_configuration = true",
            e => $"data file '{path}' cannot be opened: {FirstLine(e.Message)}");
    }

    private static List<DataColumn> ReadColumns(DuckDBConnection connection, string path)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'data' ORDER BY ordinal_position";
        using var reader = command.ExecuteReader();
        var columns = new List<DataColumn>();
        while (reader.Read())
            columns.Add(new DataColumn(reader.GetString(0), reader.GetString(1)));
        if (columns.Count == 0)
            throw new DataFileException($"data file '{path}' has no columns");
        return columns;
    }

    private static void Execute(DuckDBConnection connection, string sql, Func<Exception, string> describe)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        try
        {
            command.ExecuteNonQuery();
        }
        catch (DuckDBException e)
        {
            throw new DataFileException(describe(e), e);
        }
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length == 0 ? message : line;
    }
}
