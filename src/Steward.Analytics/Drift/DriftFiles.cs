using Steward.Analytics.Files;
using Steward.Stats.Drift;

namespace Steward.Analytics.Drift;

/// <summary>
/// Runs a drift audit between a reference and a current data file (CSV or Parquet, optionally
/// filtered): picks and types the columns, reads them in one query per file and type, and hands
/// them to <see cref="DriftAudit"/>. The CLI and the server both call this.
/// </summary>
public static class DriftFiles
{
    /// <summary>A text column whose reference values are all different (at least this many) looks like an identifier and is skipped unless named.</summary>
    public const int IdentifierMinimumRows = 50;

    /// <summary>Opens both files with the same row filter and compares them.</summary>
    public static DriftReport Run(string referencePath, string currentPath, string? where, DriftFileOptions options) =>
        Run(referencePath, where, currentPath, where, options);

    /// <summary>
    /// Opens each file with its own row filter (null: every row) and compares them; the same file
    /// with two filters compares two parts of it, e.g. customers who stayed against those who left.
    /// </summary>
    public static DriftReport Run(string referencePath, string? referenceWhere, string currentPath, string? currentWhere, DriftFileOptions options)
    {
        using var reference = DataFile.Open(referencePath, referenceWhere);
        using var current = DataFile.Open(currentPath, currentWhere);
        return Run(reference, current, options);
    }

    /// <summary>
    /// Compares the files. Bad input — a named column missing from a file, a text value in a column
    /// forced numeric, a column both forced numeric and categorical, bad engine options — is a
    /// <see cref="DataFileException"/> naming it.
    /// </summary>
    public static DriftReport Run(DataFile reference, DataFile current, DriftFileOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            options.Drift.Validate();
        }
        catch (ArgumentException e)
        {
            throw new DataFileException(e.Message, e);
        }

        var plan = DriftColumnPlan.Make(reference, current, options);
        var numeric = plan.Columns.Where(c => c.ReadAs == ReadAs.Numbers).ToArray();
        var text = plan.Columns.Where(c => c.ReadAs == ReadAs.Text).ToArray();
        var referenceNumbers = reference.ReadNumberColumns(numeric.Select(c => c.Name).ToArray());
        var currentNumbers = current.ReadNumberColumns(numeric.Select(c => c.Name).ToArray());
        var referenceText = reference.ReadTextColumns(text.Select(c => c.Name).ToArray());
        var currentText = current.ReadTextColumns(text.Select(c => c.Name).ToArray());

        var skipped = new List<SkippedColumn>(plan.Skipped);
        var columns = new List<DriftColumn>();
        foreach (var column in plan.Columns)
        {
            if (column.ReadAs == ReadAs.Numbers)
            {
                var i = Array.IndexOf(numeric, column);
                columns.Add(DriftColumn.Numeric(column.Name, referenceNumbers[i], currentNumbers[i], column.Categorical));
            }
            else
            {
                var i = Array.IndexOf(text, column);
                if (!column.Named && LooksLikeIdentifier(referenceText[i]))
                    skipped.Add(new SkippedColumn(column.Name, "every reference value is different (an identifier?); name it in the columns to compare it anyway"));
                else
                    columns.Add(DriftColumn.Text(column.Name, referenceText[i], currentText[i]));
            }
        }

        var report = DriftAudit.Run(columns, options.Drift, skipped) with
        {
            Source = new DriftSource(reference.Path, reference.Where, current.Path, current.Where),
        };
        // With no column read the engine cannot know the row counts; ask the files.
        return columns.Count > 0 ? report : report with { ReferenceRows = reference.CountRows(), CurrentRows = current.CountRows() };
    }

    private static bool LooksLikeIdentifier(string?[] values)
    {
        var present = values.Where(v => v is not null).ToArray();
        return present.Length >= IdentifierMinimumRows && present.Distinct(StringComparer.Ordinal).Count() == present.Length;
    }
}
