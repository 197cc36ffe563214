namespace Steward.Web.Runs;

/// <summary>
/// A run-table column as MLflow's <c>order_by</c> names it (<c>metrics.`auc` DESC</c>), so a
/// click on a header sorts by it and a second click reverses it.
/// </summary>
public sealed record SortColumn(string Entity, string Key, bool Descending)
{
    /// <summary>The <c>order_by</c> clause.</summary>
    public string Clause => $"{Entity}.`{Key.Replace("`", "", StringComparison.Ordinal)}` {(Descending ? "DESC" : "ASC")}";

    /// <summary>The clause that sorts by <paramref name="entity"/>.<paramref name="key"/>, reversed when it is already the sort.</summary>
    public static string Toggle(string? current, string entity, string key)
    {
        var parsed = Parse(current ?? RunTable.DefaultOrder);
        var same = parsed is not null && parsed.Entity == entity && parsed.Key == key;
        // Metrics read best sorted from the top; names and params from A.
        var descending = same ? !parsed!.Descending : entity is "metrics" or "attributes" && key is not "run_name";
        return new SortColumn(entity, key, descending).Clause;
    }

    /// <summary>Which way a column is sorted now, for its header: <c>ascending</c>, <c>descending</c> or <c>none</c>.</summary>
    public static string AriaSort(string? current, string entity, string key)
    {
        var parsed = Parse(current ?? RunTable.DefaultOrder);
        return parsed is not null && parsed.Entity == entity && parsed.Key == key ? (parsed.Descending ? "descending" : "ascending") : "none";
    }

    /// <summary>Reads one clause leniently (the search itself rejects a bad one with a message); null if it names no column.</summary>
    public static SortColumn? Parse(string clause)
    {
        var text = clause.Trim();
        var descending = false;
        if (text.EndsWith(" DESC", StringComparison.OrdinalIgnoreCase)) (text, descending) = (text[..^5].TrimEnd(), true);
        else if (text.EndsWith(" ASC", StringComparison.OrdinalIgnoreCase)) text = text[..^4].TrimEnd();
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0) return null;
        var entity = text[..dot].ToLowerInvariant() switch
        {
            "metric" or "metrics" => "metrics",
            "param" or "params" or "parameter" or "parameters" => "params",
            "tag" or "tags" => "tags",
            "attribute" or "attributes" or "attr" or "run" => "attributes",
            _ => null,
        };
        if (entity is null) return null;
        var key = text[(dot + 1)..].Trim('`', '"');
        return key.Length == 0 ? null : new SortColumn(entity, key, descending);
    }
}
