using System.Text.Json.Nodes;
using Steward.Audit;

namespace Steward.Registry;

/// <summary>The ledger side of the registry: each write's change and its payload, as MLflow's request names the fields.</summary>
public sealed partial class RegistryService
{
    private AuditedChange Audit(string action, string resource, JsonObject payload, Func<object?, string?>? resourceFromResult = null) =>
        AuditedChange.Of(actor, action, resource, payload, resourceFromResult);

    private AuditedChange AuditVersion(string action, string name, int version, JsonObject payload)
    {
        payload["name"] = name;
        payload["version"] = version;
        return Audit(action, AuditResources.ModelVersion(name, version), payload);
    }

    /// <summary>Stage moves name the version; alias changes name the model, whose aliases they are.</summary>
    private AuditedChange AuditChange(VersionChange change, int version) => change switch
    {
        StageTransition t => AuditVersion(AuditActions.ModelVersionTransitionStage, t.Name, t.Version, new()
        {
            ["stage"] = ModelStages.Name(t.Stage),
            ["archive_existing_versions"] = t.ArchiveExistingVersions,
        }),
        AliasAssignment a => Audit(AuditActions.RegisteredModelSetAlias, AuditResources.RegisteredModel(a.Name), new()
        {
            ["name"] = a.Name, ["alias"] = a.Alias, ["version"] = a.Version,
        }),
        AliasRemoval r => Audit(AuditActions.RegisteredModelDeleteAlias, AuditResources.RegisteredModel(r.Name), new()
        {
            ["name"] = r.Name, ["alias"] = r.Alias, ["version"] = version,
        }),
        _ => throw new ArgumentOutOfRangeException(nameof(change)),
    };
}
