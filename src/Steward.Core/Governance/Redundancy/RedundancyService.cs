using Steward.Errors;
using Steward.Governance.Records;
using Steward.Registry;
using Steward.Tracking;

namespace Steward.Governance.Redundancy;

/// <summary>
/// Builds a <see cref="ModelProfile"/> for every model in the risk registry and reports the
/// redundancy groups. What each model is judged by:
/// <list type="bullet">
/// <item>domain: the governance record's domain;</item>
/// <item>target: the record's target, else the source run's tag <c>steward.target</c>, else its param <c>target</c>;</item>
/// <item>version: the newest version in Production, else the newest version;</item>
/// <item>features: the source run's param <c>features</c> (or <c>feature_names</c>, or tag <c>steward.features</c>), names separated by commas;</item>
/// <item>data sets: the names of the source run's data set inputs.</item>
/// </list>
/// </summary>
public sealed class RedundancyService(GovernanceRecordService records, RegistryService registry, ITrackingStore runs)
{
    public async Task<IReadOnlyList<RedundancyGroup>> FindAsync(double? threshold, CancellationToken cancellationToken)
    {
        var limit = threshold ?? RedundancyFinder.DefaultThreshold;
        if (!(limit > 0 && limit <= 1)) throw StewardException.Invalid($"Parameter 'threshold' must be greater than 0 and at most 1, got {limit}.");
        var profiles = new List<ModelProfile>();
        foreach (var record in await records.ListRecordsAsync(new GovernanceRecordFilter(), cancellationToken))
        {
            if (record.Status == GovernanceStatus.Retired) continue;
            profiles.Add(await ProfileAsync(record, cancellationToken));
        }

        return RedundancyFinder.Find(profiles, limit);
    }

    private async Task<ModelProfile> ProfileAsync(GovernanceRecord record, CancellationToken cancellationToken)
    {
        var model = await registry.GetRegisteredModelAsync(record.ModelName, cancellationToken);
        var version = model.LatestVersions.Where(v => v.CurrentStage == ModelStage.Production).MaxBy(v => v.Version)
            ?? model.LatestVersions.MaxBy(v => v.Version);
        var run = version?.RunId is { } runId ? await runs.GetRunAsync(runId, cancellationToken) : null;
        string? Param(string key) => run?.Data.Params.FirstOrDefault(p => p.Key == key)?.Value;
        string? Tag(string key) => run?.Data.Tags.FirstOrDefault(t => t.Key == key)?.Value;

        var target = FirstNonEmpty(record.Target, Tag("steward.target"), Param("target"));
        var features = Names(FirstNonEmpty(Param("features"), Param("feature_names"), Tag("steward.features")).Split(','));
        var datasets = Names(run?.Inputs.Select(i => i.Dataset.Name) ?? []);
        return new ModelProfile(model.Name, version?.Version, record.Domain, target.ToLowerInvariant(), features, datasets);
    }

    private static string FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim() ?? "";

    private static HashSet<string> Names(IEnumerable<string> names) =>
        names.Select(n => n.Trim().Trim('[', ']', '"', '\'').Trim().ToLowerInvariant()).Where(n => n.Length > 0).ToHashSet(StringComparer.Ordinal);
}
