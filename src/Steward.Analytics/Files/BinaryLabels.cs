namespace Steward.Analytics.Files;

/// <summary>
/// Turns a label column into true/false. With a named positive value (<c>--positive Yes</c>) a row
/// is positive when its text equals it; without one the column must hold only 0/1 or true/false.
/// </summary>
public static class BinaryLabels
{
    /// <summary>Reads <paramref name="column"/> as binary labels; a missing or non-binary value is an error naming the column.</summary>
    public static bool[] Read(DataFile file, string column, string? positive = null)
    {
        var name = file.Column(column).Name;
        var text = file.ReadText(name);
        var labels = new bool[text.Length];
        var distinct = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < text.Length; i++)
        {
            var value = text[i] ?? throw new DataFileException($"label column '{name}' is empty at row {i + 1}");
            distinct.Add(value);
            if (positive is not null)
                labels[i] = string.Equals(value, positive, StringComparison.Ordinal);
            else if (TryParse(value, out var label))
                labels[i] = label;
            else
                throw NotBinary(name, distinct, text);
        }
        if (positive is not null && !distinct.Contains(positive))
            throw new DataFileException(
                $"label column '{name}' never holds the positive value '{positive}'; it holds: {Sample(distinct)}");
        if (positive is not null && distinct.Count > 2)
            throw new DataFileException($"label column '{name}' is not binary: it holds {distinct.Count} values ({Sample(distinct)})");
        return labels;
    }

    private static bool TryParse(string value, out bool label)
    {
        switch (value.Trim().ToLowerInvariant())
        {
            case "1" or "1.0" or "true":
                label = true;
                return true;
            case "0" or "0.0" or "false":
                label = false;
                return true;
            default:
                label = false;
                return false;
        }
    }

    private static DataFileException NotBinary(string name, SortedSet<string> seen, string?[] all)
    {
        foreach (var v in all.Take(10_000))
            if (v is not null)
                seen.Add(v);
        return new DataFileException(
            $"label column '{name}' is not binary 0/1 or true/false (it holds {Sample(seen)}); name the positive value with --positive");
    }

    private static string Sample(SortedSet<string> values) =>
        string.Join(", ", values.Take(5).Select(v => $"'{v}'")) + (values.Count > 5 ? ", ..." : "");
}
