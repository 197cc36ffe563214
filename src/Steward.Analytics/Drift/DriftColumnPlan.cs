using Steward.Analytics.Files;
using Steward.Stats.Drift;

namespace Steward.Analytics.Drift;

/// <summary>How a column is read from both files.</summary>
internal enum ReadAs
{
    Numbers,
    Text,
}

/// <summary>A column to compare: its name (as the reference file spells it), how it is read, whether the caller named it.</summary>
internal sealed record PlannedColumn(string Name, ReadAs ReadAs, bool Categorical, bool Named);

/// <summary>
/// Decides which columns to compare and how, from the two files' column types and the caller's
/// choices. Numbers in both files are numeric, and so is text whose every non-blank value is a
/// number (in both files, or in the one that stores it as text while the other reads numbers);
/// other text (or booleans) in both is categorical; a column numeric in one file and text holding
/// something else in the other, or holding dates and times, is skipped with the reason.
/// </summary>
internal sealed record DriftColumnPlan(IReadOnlyList<PlannedColumn> Columns, IReadOnlyList<SkippedColumn> Skipped)
{
    public static DriftColumnPlan Make(DataFile reference, DataFile current, DriftFileOptions options)
    {
        var categorical = Resolve(reference, current, options.Categorical);
        var numeric = Resolve(reference, current, options.Numeric);
        var both = categorical.Intersect(numeric, StringComparer.Ordinal).FirstOrDefault();
        if (both is not null)
            throw new DataFileException($"column '{both}' cannot be both numeric and categorical");

        var skipped = new List<SkippedColumn>();
        IReadOnlyList<string> names;
        var named = options.Columns is not null;
        if (options.Columns is { } given)
        {
            if (given.Count == 0)
                throw new DataFileException("no columns to compare were given");
            names = Resolve(reference, current, given);
            var duplicate = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
                throw new DataFileException($"column '{duplicate.Key}' is named twice");
        }
        else
        {
            names = reference.Columns.Where(c => Has(current, c.Name)).Select(c => c.Name).ToArray();
            skipped.AddRange(reference.Columns.Where(c => !Has(current, c.Name))
                .Select(c => new SkippedColumn(c.Name, $"only in the reference file '{reference.Path}'")));
            skipped.AddRange(current.Columns.Where(c => !Has(reference, c.Name))
                .Select(c => new SkippedColumn(c.Name, $"only in the current file '{current.Path}'")));
        }

        var columns = new List<PlannedColumn>();
        var (textNumbers, notNumbers) = NumbersStoredAsText(reference, current, names.Where(n =>
            !numeric.Contains(n) && !categorical.Contains(n) && MayBeNumbers(reference.Column(n), current.Column(n))).ToArray());
        foreach (var name in names)
        {
            var r = reference.Column(name);
            var c = current.Column(name);
            if (numeric.Contains(name))
                columns.Add(new PlannedColumn(name, ReadAs.Numbers, Categorical: false, named));
            else if (categorical.Contains(name))
                columns.Add(new PlannedColumn(name, r.IsNumeric && c.IsNumeric ? ReadAs.Numbers : ReadAs.Text, Categorical: true, Named: true));
            else if (IsTemporal(r) || IsTemporal(c))
                skipped.Add(new SkippedColumn(name, $"dates and times are not compared ({r.SqlType}); name it as numeric or categorical to compare it"));
            else if (r.IsNumeric && c.IsNumeric)
                columns.Add(new PlannedColumn(name, ReadAs.Numbers, Categorical: false, named));
            else if (textNumbers.Contains(name))
                columns.Add(new PlannedColumn(name, ReadAs.Numbers, Categorical: false, named));
            else if (!r.IsNumeric && !c.IsNumeric)
                columns.Add(new PlannedColumn(name, ReadAs.Text, Categorical: true, named));
            else if (notNumbers.TryGetValue(name, out var value))
                skipped.Add(new SkippedColumn(name,
                    $"{Kind(r)} in the reference file but {Kind(c)} in the current file, where '{value}' is not a number; name it as categorical to compare it"));
            else
                skipped.Add(new SkippedColumn(name,
                    $"{Kind(r)} in the reference file but {Kind(c)} in the current file; name it as numeric or categorical to compare it"));
        }
        return new DriftColumnPlan(columns, skipped);
    }

    /// <summary>The reference's spelling of each name; a name missing from either file is an error naming the file.</summary>
    private static string[] Resolve(DataFile reference, DataFile current, IReadOnlyList<string> names) =>
        names.Select(n =>
        {
            var name = reference.Column(n).Name;
            current.Column(name);
            return name;
        }).ToArray();

    /// <summary>
    /// Columns to read as numbers although a file stores them as text: a CSV column of numbers with
    /// a few blanks (" ") is sniffed as text, in both files or only in the one that has the blanks.
    /// Such a column is numbers when every non-blank value the text holds parses, blanks missing;
    /// text in both files must hold at least one number in each, or it is categorical. Also returns,
    /// for the others, the smallest text value that is not a number (to name it in a skip reason).
    /// One aggregate query per file storing a candidate as text.
    /// </summary>
    private static (HashSet<string> Numbers, Dictionary<string, string> NotNumbers) NumbersStoredAsText(
        DataFile reference, DataFile current, string[] candidates)
    {
        var numbers = new HashSet<string>(candidates, StringComparer.Ordinal);
        var notNumbers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in new[] { reference, current })
        {
            var text = candidates.Where(n => IsText(file.Column(n))).ToArray();
            if (text.Length == 0)
                continue;
            var aggregates = string.Join(", ", text.Select(n =>
            {
                var column = DataFile.Quote(n);
                var blank = $"trim(CAST({column} AS VARCHAR)) = '' OR {column} IS NULL";
                return $"min(CAST({column} AS VARCHAR)) FILTER (WHERE NOT ({blank}) AND TRY_CAST({column} AS DOUBLE) IS NULL), "
                    + $"count(*) FILTER (WHERE NOT ({blank}))";
            }));
            using var reader = file.Reader($"SELECT {aggregates} FROM data");
            reader.Read();
            for (var i = 0; i < text.Length; i++)
            {
                var name = text[i];
                if (!reader.IsDBNull(2 * i))
                {
                    numbers.Remove(name);
                    notNumbers.TryAdd(name, reader.GetString(2 * i));
                }
                // Nothing but blanks in a column both files store as text: text after all.
                else if (reader.GetInt64(2 * i + 1) == 0 && IsText(reference.Column(name)) && IsText(current.Column(name)))
                    numbers.Remove(name);
            }
        }
        return (numbers, notNumbers);
    }

    /// <summary>Text in both files, or numbers in one and text in the other: the text may be numbers with blanks.</summary>
    private static bool MayBeNumbers(DataColumn reference, DataColumn current) =>
        (IsText(reference) && (IsText(current) || current.IsNumeric)) || (reference.IsNumeric && IsText(current));

    private static bool IsText(DataColumn column) => column.SqlType == "VARCHAR";

    private static bool Has(DataFile file, string name) => file.Columns.Any(c => c.Name == name);

    private static bool IsTemporal(DataColumn column) =>
        column.SqlType.StartsWith("DATE", StringComparison.Ordinal) || column.SqlType.StartsWith("TIME", StringComparison.Ordinal)
        || column.SqlType.StartsWith("INTERVAL", StringComparison.Ordinal);

    private static string Kind(DataColumn column) => column.IsNumeric ? "numeric" : $"text ({column.SqlType})";
}
