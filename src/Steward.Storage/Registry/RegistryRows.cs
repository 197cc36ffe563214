using Steward.Registry;
using Steward.Tracking;

namespace Steward.Storage.Registry;

internal sealed class ModelRow
{
    public long ModelId { get; set; }
    public string Name { get; set; } = "";
    public long CreationTime { get; set; }
    public long LastUpdatedTime { get; set; }
    public string UserId { get; set; } = "";
    public string Description { get; set; } = "";
    public string Domain { get; set; } = "";
}

internal sealed class VersionRow
{
    public long ModelId { get; set; }
    public string Name { get; set; } = "";
    public int Version { get; set; }
    public long CreationTime { get; set; }
    public long LastUpdatedTime { get; set; }
    public string UserId { get; set; } = "";
    public string Description { get; set; } = "";
    public string CurrentStage { get; set; } = "";
    public string Source { get; set; } = "";
    public string? RunId { get; set; }
    public string RunLink { get; set; } = "";
    public string Status { get; set; } = "";
    public string? StatusMessage { get; set; }

    public ModelVersion ToVersion(IReadOnlyList<Tag> tags, IReadOnlyList<string> aliases) => new(
        Name, Version, CreationTime, LastUpdatedTime, UserId, ModelStages.Parse(CurrentStage), Description,
        Source, RunId, Status, StatusMessage, tags, RunLink, aliases);
}

/// <summary>A tag of a model (Version 0) or of one of its versions.</summary>
internal sealed class RegistryTagRow
{
    public long ModelId { get; set; }
    public int Version { get; set; }
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
}

internal sealed class AliasRow
{
    public long ModelId { get; set; }
    public string Alias { get; set; } = "";
    public int Version { get; set; }
}
