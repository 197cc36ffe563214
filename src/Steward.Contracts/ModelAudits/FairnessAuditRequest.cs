namespace Steward.Contracts.ModelAudits;

/// <summary>
/// A fairness audit (<c>"kind": "fairness"</c>): the settings of <c>steward audit fairness</c>,
/// with <see cref="Data"/> a file in the server's data-set folder. The verdict is the four-fifths rule's.
/// </summary>
public sealed record FairnessAuditRequest() : ModelAuditRequest("fairness")
{
    /// <summary>The CSV or Parquet file, relative to the data-set folder. Required.</summary>
    public string? Data { get; init; }

    /// <summary>The true outcome column. Required.</summary>
    public string? Label { get; init; }

    /// <summary>The predicted label column (or give <see cref="Score"/> and <see cref="Threshold"/>).</summary>
    public string? Prediction { get; init; }

    /// <summary>The score column, positive at or above <see cref="Threshold"/>.</summary>
    public string? Score { get; init; }

    /// <summary>With <see cref="Score"/>, the score at or above which a prediction is positive.</summary>
    public double? Threshold { get; init; }

    /// <summary>The sensitive attribute columns whose groups are compared. Required.</summary>
    public IReadOnlyList<string>? Sensitive { get; init; }

    /// <summary>The label value that is positive (compared as text).</summary>
    public string? Positive { get; init; }

    /// <summary>The reference group, one value per sensitive column; the group with the highest selection rate when absent.</summary>
    public IReadOnlyList<string?>? ReferenceGroup { get; init; }

    /// <summary><c>between-groups</c> (the default) or <c>to-overall</c>.</summary>
    public string? Method { get; init; }

    /// <summary>Bootstrap resamples for confidence intervals; 0 for none, 1000 when absent.</summary>
    public int? Bootstrap { get; init; }

    /// <summary>The bootstrap's seed (0 when absent), so intervals do not change between runs.</summary>
    public long? Seed { get; init; }

    /// <summary>The intervals' confidence level, 0.95 when absent.</summary>
    public double? Confidence { get; init; }

    /// <summary>The disparate-impact ratio below which a group fails, 0.8 (four fifths) when absent.</summary>
    public double? DisparateImpactThreshold { get; init; }
}
