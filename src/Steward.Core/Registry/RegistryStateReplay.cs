using System.Globalization;
using System.Text.Json;
using Steward.Audit;
using Steward.Audit.State;

namespace Steward.Registry;

/// <summary>
/// Model versions' stages and models' aliases as the ledger says they were set, from
/// <c>model_version.create</c>, <c>model_version.transition_stage</c> (with
/// <c>archive_existing_versions</c>), <c>registered_model.set_alias</c>,
/// <c>registered_model.delete_alias</c>, and the renames and deletes that move or end them.
/// Entries with no kept payload leave only the version's existence to check.
/// </summary>
public sealed class RegistryStateReplay(IRegistryStore store) : IStateReplay
{
    private readonly Dictionary<string, ExpectedModel> _models = new(StringComparer.Ordinal);

    public bool Apply(AuditEntry entry, JsonElement? payload)
    {
        ArgumentNullException.ThrowIfNull(entry);
        // What lies under a version (approvals, lifecycle steps) is the lifecycle replay's.
        if (AuditResources.ParseModel(entry.Resource) is not (var name, var version, null)
            || !(entry.Action.StartsWith("registered_model.", StringComparison.Ordinal) || entry.Action.StartsWith("model_version.", StringComparison.Ordinal)))
        {
            return false;
        }

        var model = Model(name);
        switch (entry.Action)
        {
            // Deletes and renames need no payload to end what the checks expect.
            case AuditActions.ModelVersionDelete when version is { } deleted:
                model.Versions.Remove(deleted);
                foreach (var alias in model.Aliases.Where(a => a.Value == deleted).Select(a => a.Key).ToList()) model.Aliases.Remove(alias);
                return true;
            case AuditActions.RegisteredModelDelete:
                _models.Remove(name);
                return true;
            case AuditActions.RegisteredModelRename:
                _models.Remove(name);
                if (payload?.GetProperty("new_name").GetString() is { } renamed) _models[renamed] = model;
                return true;
        }

        if (version is { } created && entry.Action == AuditActions.ModelVersionCreate) model.Versions[created] = ModelStages.Name(ModelStage.None);
        else if (version is { } v && !model.Versions.ContainsKey(v)) model.Versions[v] = null; // known to exist, stage unknown
        if (payload is not { } p) return true;

        switch (entry.Action)
        {
            case AuditActions.ModelVersionTransitionStage:
                var stage = p.GetProperty("stage").GetString()!;
                var number = p.GetProperty("version").GetInt32();
                if (p.TryGetProperty("archive_existing_versions", out var archive) && archive.ValueKind == JsonValueKind.True)
                {
                    foreach (var other in model.Versions.Where(x => x.Key != number && x.Value == stage).Select(x => x.Key).ToList())
                    {
                        model.Versions[other] = ModelStages.Name(ModelStage.Archived);
                    }
                }

                model.Versions[number] = stage;
                break;
            case AuditActions.RegisteredModelSetAlias:
                model.Aliases[p.GetProperty("alias").GetString()!] = p.GetProperty("version").GetInt32();
                break;
            case AuditActions.RegisteredModelDeleteAlias:
                model.Aliases[p.GetProperty("alias").GetString()!] = null;
                break;
        }

        return true;
    }

    public async Task CompareAsync(ICollection<StateDifference> differences, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(differences);
        foreach (var (name, expected) in _models)
        {
            foreach (var (number, stage) in expected.Versions)
            {
                var record = AuditResources.ModelVersion(name, number);
                var stored = await store.GetModelVersionAsync(name, number, cancellationToken);
                if (stored is null) differences.Add(new StateDifference(record, "exists", "yes", null));
                else if (stage is not null && ModelStages.Name(stored.CurrentStage) != stage) differences.Add(new StateDifference(record, "stage", stage, ModelStages.Name(stored.CurrentStage)));
            }

            if (expected.Aliases.Count == 0) continue;
            var model = await store.GetRegisteredModelAsync(name, cancellationToken);
            var aliases = model?.Aliases.ToDictionary(a => a.Alias, a => a.Version, StringComparer.Ordinal) ?? [];
            foreach (var (alias, version) in expected.Aliases)
            {
                int? actual = aliases.TryGetValue(alias, out var found) ? found : null;
                if (actual != version) differences.Add(new StateDifference(AuditResources.RegisteredModel(name), $"alias {alias}", Show(version), Show(actual)));
            }
        }
    }

    private ExpectedModel Model(string name)
    {
        if (!_models.TryGetValue(name, out var model)) _models[name] = model = new ExpectedModel();
        return model;
    }

    private static string? Show(int? version) => version?.ToString(CultureInfo.InvariantCulture);

    private sealed class ExpectedModel
    {
        /// <summary>Version → stage name; null when the version's stage is not known from kept payloads.</summary>
        public Dictionary<int, string?> Versions { get; } = [];

        /// <summary>Alias → version; null when the ledger deleted it.</summary>
        public Dictionary<string, int?> Aliases { get; } = new(StringComparer.Ordinal);
    }
}
