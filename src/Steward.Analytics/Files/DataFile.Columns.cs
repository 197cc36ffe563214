using System.Text;
using DuckDB.NET.Native;

namespace Steward.Analytics.Files;

/// <summary>
/// Whole-column reads. All requested columns come from one query, and their values are copied
/// straight out of DuckDB's result vectors (2,048 rows at a time) — no per-value calls or boxing,
/// several times faster than a data reader for millions of values.
/// </summary>
public sealed partial class DataFile
{
    /// <summary>
    /// Numeric columns as doubles, in the order asked; SQL NULL becomes NaN. A text column is parsed
    /// (blank text is missing too); a value that is not a number is an error naming the column and the row.
    /// </summary>
    public double[][] ReadNumberColumns(IReadOnlyList<string> columns)
    {
        var resolved = columns.Select(Column).ToArray();
        var select = new StringBuilder("SELECT ");
        foreach (var (c, i) in resolved.Select((c, i) => (c, i)))
        {
            if (i > 0)
                select.Append(", ");
            // A numeric column always converts; text is parsed, and a flag says whether it held more than blanks.
            select.Append(c.IsNumeric
                ? $"CAST({Quote(c.Name)} AS DOUBLE)"
                : $"TRY_CAST({Quote(c.Name)} AS DOUBLE), trim(CAST({Quote(c.Name)} AS VARCHAR)) <> ''");
        }
        select.Append(" FROM data");

        var results = new double[resolved.Length][];
        ReadChunks(select.ToString(), columns: resolved, describe: e => $"columns {string.Join(", ", resolved.Select(c => $"'{c.Name}'"))} cannot be read as numbers: {e}",
            (rows) =>
            {
                for (var i = 0; i < results.Length; i++)
                    results[i] = GC.AllocateUninitializedArray<double>(rows);
            },
            (chunk, offset, size) =>
            {
                var vector = 0;
                for (var i = 0; i < resolved.Length; i++)
                {
                    CopyDoubles(chunk.Vector(vector++), size, results[i].AsSpan(offset, size));
                    if (!resolved[i].IsNumeric)
                        CheckParsed(chunk.Vector(vector++), size, results[i].AsSpan(offset, size), resolved[i].Name, offset);
                }
            });
        return results;
    }

    /// <summary>Columns as text (numbers in DuckDB's canonical form), in the order asked; SQL NULL stays null.</summary>
    public string?[][] ReadTextColumns(IReadOnlyList<string> columns)
    {
        var resolved = columns.Select(Column).ToArray();
        var sql = "SELECT " + string.Join(", ", resolved.Select(c => $"CAST({Quote(c.Name)} AS VARCHAR)")) + " FROM data";
        var results = new string?[resolved.Length][];
        ReadChunks(sql, resolved, e => $"columns {string.Join(", ", resolved.Select(c => $"'{c.Name}'"))} cannot be read: {e}",
            rows =>
            {
                for (var i = 0; i < results.Length; i++)
                    results[i] = new string?[rows];
            },
            (chunk, offset, size) =>
            {
                for (var i = 0; i < resolved.Length; i++)
                    CopyStrings(chunk.Vector(i), size, results[i].AsSpan(offset, size));
            });
        return results;
    }

    /// <summary>Runs <paramref name="sql"/>, sizes the arrays once from the row count, then hands each chunk over with its first row.</summary>
    private void ReadChunks(string sql, DataColumn[] columns, Func<string, string> describe, Action<int> allocate, Action<Chunk, int, int> copy)
    {
        if (columns.Length == 0)
        {
            allocate(0);
            return;
        }
        var state = NativeMethods.Query.DuckDBQuery(_connection.NativeConnection, sql, out var result);
        try
        {
            if (state == DuckDBState.Error)
                throw new DataFileException(describe(FirstLine(NativeMethods.Query.DuckDBResultError(ref result))));
            var rows = NativeMethods.Query.DuckDBRowCount(ref result);
            if (rows > Array.MaxLength)
                throw new DataFileException($"'{Path}' has {rows:N0} rows, more than one column can hold in memory");
            allocate((int)rows);
            var offset = 0;
            while (true)
            {
                using var chunk = NativeMethods.Query.DuckDBFetchChunk(result);
                if (chunk.IsInvalid)
                    break;
                var size = (int)NativeMethods.DataChunks.DuckDBDataChunkGetSize(chunk);
                if (size == 0)
                    break;
                if (offset + size > rows)
                    throw new DataFileException($"'{Path}' returned more rows than it counted");
                copy(new Chunk(chunk), offset, size);
                offset += size;
            }
        }
        finally
        {
            NativeMethods.Query.DuckDBDestroyResult(ref result);
        }
    }

    private readonly struct Chunk(DuckDBDataChunk chunk)
    {
        public IntPtr Vector(int index) => NativeMethods.DataChunks.DuckDBDataChunkGetVector(chunk, index);
    }

    private static unsafe void CopyDoubles(IntPtr vector, int size, Span<double> target)
    {
        new ReadOnlySpan<double>(NativeMethods.Vectors.DuckDBVectorGetData(vector), size).CopyTo(target);
        var validity = NativeMethods.Vectors.DuckDBVectorGetValidity(vector);
        if (validity == null)
            return; // no NULL in this chunk
        for (var i = 0; i < size; i++)
        {
            if (!IsValid(validity, i))
                target[i] = double.NaN;
        }
    }

    /// <summary>A text value that failed to parse shows as NULL with its "held something" flag set.</summary>
    private static unsafe void CheckParsed(IntPtr flagVector, int size, ReadOnlySpan<double> parsed, string column, int offset)
    {
        var held = (byte*)NativeMethods.Vectors.DuckDBVectorGetData(flagVector);
        var validity = NativeMethods.Vectors.DuckDBVectorGetValidity(flagVector); // the flag is NULL where the text is
        for (var i = 0; i < size; i++)
        {
            if (double.IsNaN(parsed[i]) && held[i] != 0 && (validity == null || IsValid(validity, i)))
                throw new DataFileException($"column '{column}' holds a value that is not a number at row {offset + i + 1}");
        }
    }

    private static unsafe void CopyStrings(IntPtr vector, int size, Span<string?> target)
    {
        var data = (byte*)NativeMethods.Vectors.DuckDBVectorGetData(vector);
        var validity = NativeMethods.Vectors.DuckDBVectorGetValidity(vector);
        for (var i = 0; i < size; i++)
        {
            if (validity != null && !IsValid(validity, i))
            {
                target[i] = null;
                continue;
            }
            // duckdb_string_t: 4-byte length, then up to 12 bytes inline, or a 4-byte prefix and a pointer.
            var value = data + 16 * i;
            var length = *(uint*)value;
            var bytes = length <= 12 ? value + 4 : *(byte**)(value + 8);
            target[i] = Encoding.UTF8.GetString(bytes, (int)length);
        }
    }

    private static unsafe bool IsValid(ulong* validity, int row) => (validity[row >> 6] & (1UL << (row & 63))) != 0;
}
