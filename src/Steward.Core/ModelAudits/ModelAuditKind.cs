namespace Steward.ModelAudits;

/// <summary>What a model audit measured.</summary>
public enum ModelAuditKind
{
    /// <summary>Per-group rates and disparities across sensitive features.</summary>
    Fairness,

    /// <summary>Distribution shift between a reference and a current data set.</summary>
    Drift,

    /// <summary>Predictive performance against labels.</summary>
    Evaluation,
}

/// <summary>The names the APIs use for <see cref="ModelAuditKind"/>.</summary>
public static class ModelAuditKinds
{
    /// <summary>Lowercase API name: fairness, drift, evaluation.</summary>
    public static string Name(ModelAuditKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>Parses an API name, ignoring case; null when unknown.</summary>
    public static ModelAuditKind? Parse(string? name) =>
        Enum.TryParse<ModelAuditKind>(name, ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !int.TryParse(name, out _)
            ? kind
            : null;
}
