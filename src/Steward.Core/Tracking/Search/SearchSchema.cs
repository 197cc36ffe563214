namespace Steward.Tracking.Search;

/// <summary>
/// What one kind of search (runs, experiments, models, versions) lets a filter name:
/// which entities, which attributes (with their aliases) and which of those are numeric.
/// </summary>
internal sealed class SearchSchema
{
    private readonly Dictionary<string, string> _attributeAliases;
    private readonly HashSet<string> _numericAttributes;

    public SearchSchema(
        string subject,
        IEnumerable<FilterEntity> entities,
        IReadOnlyDictionary<string, string> attributeAliases,
        IEnumerable<string> numericAttributes,
        IReadOnlyDictionary<string, string>? orderOnlyAliases = null)
    {
        Subject = subject;
        Entities = entities.ToHashSet();
        _attributeAliases = new Dictionary<string, string>(attributeAliases, StringComparer.OrdinalIgnoreCase);
        _numericAttributes = numericAttributes.ToHashSet(StringComparer.Ordinal);
        OrderAliases = new Dictionary<string, string>(_attributeAliases, StringComparer.OrdinalIgnoreCase);
        foreach (var (alias, column) in orderOnlyAliases ?? new Dictionary<string, string>()) OrderAliases[alias] = column;
    }

    /// <summary>"runs", "experiments"...: used in error messages.</summary>
    public string Subject { get; }

    public IReadOnlySet<FilterEntity> Entities { get; }

    public Dictionary<string, string> OrderAliases { get; }

    public string? Attribute(string name) => _attributeAliases.GetValueOrDefault(name);

    public bool IsNumeric(string canonicalAttribute) => _numericAttributes.Contains(canonicalAttribute);

    public IEnumerable<string> AttributeNames => _attributeAliases.Values.Distinct();

    public static SearchSchema Runs { get; } = new(
        "runs",
        [FilterEntity.Metric, FilterEntity.Param, FilterEntity.Tag, FilterEntity.Attribute, FilterEntity.Dataset],
        new Dictionary<string, string>
        {
            ["run_id"] = "run_id",
            ["run_name"] = "run_name",
            ["run name"] = "run_name",
            ["status"] = "status",
            ["user_id"] = "user_id",
            ["artifact_uri"] = "artifact_uri",
            ["start_time"] = "start_time",
            ["created"] = "start_time",
            ["end_time"] = "end_time",
        },
        ["start_time", "end_time"]);

    public static SearchSchema Experiments { get; } = new(
        "experiments",
        [FilterEntity.Tag, FilterEntity.Attribute],
        new Dictionary<string, string>
        {
            ["name"] = "name",
            ["creation_time"] = "creation_time",
            ["last_update_time"] = "last_update_time",
        },
        ["creation_time", "last_update_time"],
        new Dictionary<string, string> { ["experiment_id"] = "experiment_id" });

    public static SearchSchema RegisteredModels { get; } = new(
        "registered models",
        [FilterEntity.Tag, FilterEntity.Attribute],
        new Dictionary<string, string> { ["name"] = "name" },
        ["creation_timestamp", "last_updated_timestamp"],
        new Dictionary<string, string>
        {
            ["creation_timestamp"] = "creation_timestamp",
            ["timestamp"] = "creation_timestamp",
            ["last_updated_timestamp"] = "last_updated_timestamp",
        });

    public static SearchSchema ModelVersions { get; } = new(
        "model versions",
        [FilterEntity.Tag, FilterEntity.Attribute],
        new Dictionary<string, string>
        {
            ["name"] = "name",
            ["version_number"] = "version_number",
            ["run_id"] = "run_id",
            ["source_path"] = "source",
            ["current_stage"] = "current_stage",
        },
        ["version_number", "creation_timestamp", "last_updated_timestamp"],
        new Dictionary<string, string>
        {
            ["creation_timestamp"] = "creation_timestamp",
            ["timestamp"] = "creation_timestamp",
            ["last_updated_timestamp"] = "last_updated_timestamp",
        });
}
