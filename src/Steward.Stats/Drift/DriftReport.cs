using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Steward.Stats.Drift;

/// <summary>
/// The result of a drift audit: every compared column, the columns left out, and the data-set
/// decision. Serializes (<see cref="ToJson"/>) to the documented, stable JSON shape.
/// </summary>
public sealed record DriftReport
{
    /// <summary>The files compared and the filter, when the audit read files; null for in-memory columns.</summary>
    public DriftSource? Source { get; init; }

    /// <summary>Rows in the reference sample (longest column, missing values included).</summary>
    public required long ReferenceRows { get; init; }

    /// <summary>Rows in the current sample.</summary>
    public required long CurrentRows { get; init; }

    /// <summary>The compared columns, in input order.</summary>
    public required IReadOnlyList<ColumnDrift> Columns { get; init; }

    /// <summary>Columns that could not be compared, with the reason.</summary>
    public required IReadOnlyList<SkippedColumn> Skipped { get; init; }

    /// <summary>How many compared columns drifted.</summary>
    public required int DriftedColumns { get; init; }

    /// <summary>Drifted columns / compared columns; null when no column was compared.</summary>
    public required double? DriftedShare { get; init; }

    /// <summary>The share at or above which the data set counts as drifted.</summary>
    public required double DriftShareThreshold { get; init; }

    /// <summary>True when <see cref="DriftedShare"/> reached <see cref="DriftShareThreshold"/>.</summary>
    public required bool DatasetDrift { get; init; }

    /// <summary>Bins asked for numeric columns (fewer remain when reference quantiles coincide).</summary>
    public required int Bins { get; init; }

    /// <summary>The JSON options of the documented shape: camelCase names, enum names as in the CLI, nulls written.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        // Bin labels such as "< 4" and "≥ 71" stay readable; whoever embeds the JSON in HTML escapes it there.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The report as indented JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>A report read back from <see cref="ToJson"/>'s shape (e.g. a stored audit); malformed JSON throws <see cref="JsonException"/>.</summary>
    public static DriftReport FromJson(string json) =>
        JsonSerializer.Deserialize<DriftReport>(json, JsonOptions) ?? throw new JsonException("the drift report is null");
}
