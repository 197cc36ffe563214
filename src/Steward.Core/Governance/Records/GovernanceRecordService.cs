using System.Text.Json.Nodes;
using Steward.Audit;
using Steward.Errors;
using Steward.Governance.Checklists;
using Steward.Governance.Scorecards;
using Steward.Identity;
using Steward.Paging;
using Steward.Registry;

namespace Steward.Governance.Records;

/// <summary>
/// The model risk registry: one governance record per registered model, its periodic reviews
/// and the review schedule. The risk tier is not typed in: it is the tier of the model's newest
/// filed scorecard, and the review cadence follows it. Nor is the domain: it is the model's
/// (<see cref="RecordDomain"/>).
/// </summary>
public sealed class GovernanceRecordService(
    IGovernanceRecordStore store,
    ScorecardService scorecards,
    ScorecardConfigService configs,
    ChecklistTemplateService checklists,
    RegistryService registry,
    IIdentityStore identities,
    TimeProvider clock,
    ICurrentActor actor,
    AccessControl access)
{
    /// <summary>The model's record with its risk, schedule and warnings; ResourceDoesNotExist when the model or its record is missing.</summary>
    public async Task<GovernanceRecordView> GetAsync(string? modelName, CancellationToken cancellationToken)
    {
        var model = await registry.GetRegisteredModelAsync(modelName, cancellationToken);
        var record = await store.GetAsync(model.Name, cancellationToken)
            ?? throw StewardException.NotFound($"Registered model '{model.Name}' has no governance record yet; create it with an owner.");
        return await ViewAsync(record, cancellationToken);
    }

    /// <summary>
    /// Creates or changes the model's record (with a ledger entry); <c>Created</c> says which. The
    /// permission is checked first, in the model's domain; a domain the changes name must be the
    /// model's (<see cref="RecordDomain"/>).
    /// </summary>
    public async Task<(GovernanceRecordView View, bool Created)> SetAsync(string? modelName, GovernanceRecordChanges changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        Validation.Required(modelName, "name");
        RegisteredModel? model = null;
        await access.DemandInDomainAsync(Permission.WriteGovernanceRecord, GovernanceActions.RecordUpdate, GovernanceResources.Record(modelName!),
            async token => (model = await registry.GetRegisteredModelAsync(modelName, token)).Domain, cancellationToken);
        model ??= await registry.GetRegisteredModelAsync(modelName, cancellationToken);
        Check(changes.Owner, "owner", GovernanceLimits.MaxShortText);
        Check(changes.Domain, "domain", GovernanceLimits.MaxShortText);
        Check(changes.Target, "target", GovernanceLimits.MaxShortText);
        Check(changes.Purpose, "purpose", GovernanceLimits.MaxLongText);
        Check(changes.IntendedUse, "intendedUse", GovernanceLimits.MaxLongText);
        Check(changes.AffectedParties, "affectedParties", GovernanceLimits.MaxLongText);
        await RecordDomain.CheckAsync(changes.Domain, model, identities, cancellationToken);
        var normalized = changes with
        {
            Owner = changes.Owner?.Trim(),
            Domain = changes.Domain?.Trim(),
            Target = changes.Target?.Trim(),
            Checklists = changes.Checklists is null ? null : await CheckChecklistsAsync(changes.Checklists, cancellationToken),
        };

        var payload = new JsonObject
        {
            ["name"] = model.Name,
            ["owner"] = normalized.Owner,
            ["domain"] = model.Domain,
            ["purpose"] = normalized.Purpose,
            ["intended_use"] = normalized.IntendedUse,
            ["affected_parties"] = normalized.AffectedParties,
            ["target"] = normalized.Target,
            ["status"] = normalized.Status is { } s ? GovernanceNames.Name(s) : null,
            ["checklists"] = normalized.Checklists is null ? null : new JsonArray(normalized.Checklists.Select(c => (JsonNode?)c).ToArray()),
        };
        var change = AuditedChange.Of(actor, GovernanceActions.RecordUpdate, GovernanceResources.Record(model.Name), payload);
        var result = await store.UpsertAsync(change, model.Name, normalized, actor.Name, clock.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken);
        return (await ViewAsync(result.Record, cancellationToken), result.Created);
    }

    /// <summary>Records lists filtered by domain, owner, status, tier and overdue review, one page at a time, by model name.</summary>
    public async Task<Page<GovernanceRecordView>> ListAsync(
        GovernanceRecordFilter filter, RiskTier? tier, bool overdueOnly, long? maxResults, string? pageToken, CancellationToken cancellationToken)
    {
        var max = Validation.MaxResults(maxResults, GovernanceLimits.DefaultListResults, GovernanceLimits.MaxListResults);
        var offset = PageToken.Decode(pageToken);
        var views = await AllViewsAsync(filter, cancellationToken);
        // An unscored model is high risk here as everywhere else (reviews, approvals): --tier high lists it.
        var matching = views.Where(v => (tier is null || v.EffectiveTier == tier) && (!overdueOnly || v.Schedule.Overdue)).Skip(offset).Take(max + 1).ToList();
        return PageToken.Slice(matching, offset, max);
    }

    /// <summary>The review schedule: every record under review, soonest due first; with <paramref name="overdueOnly"/>, only those past due.</summary>
    public async Task<IReadOnlyList<GovernanceRecordView>> ReviewScheduleAsync(bool overdueOnly, CancellationToken cancellationToken)
    {
        var views = await AllViewsAsync(new GovernanceRecordFilter(), cancellationToken);
        return views.Where(v => v.Schedule.NextReviewDue is not null && (!overdueOnly || v.Schedule.Overdue))
            .OrderBy(v => v.Schedule.NextReviewDue)
            .ThenBy(v => v.Record.ModelName, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Records a periodic review of the model by the acting identity (with a ledger entry).</summary>
    public async Task<Review> ReviewAsync(string? modelName, string? outcome, string? notes, CancellationToken cancellationToken)
    {
        Validation.Required(modelName, "name");
        await access.DemandAsync(Permission.ReviewModels, GovernanceActions.RecordReview, GovernanceResources.Record(modelName!), cancellationToken);
        var parsed = GovernanceNames.ParseOutcome(Validation.Required(outcome, "outcome"), "outcome");
        Check(notes, "notes", GovernanceLimits.MaxLongText);
        var payload = new JsonObject { ["name"] = modelName, ["outcome"] = GovernanceNames.Name(parsed), ["notes"] = notes ?? "" };
        var change = AuditedChange.Of(actor, GovernanceActions.RecordReview, GovernanceResources.Record(modelName!), payload);
        return await store.AddReviewAsync(change, modelName!, parsed, notes ?? "", actor.Name, clock.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken);
    }

    /// <summary>The model's reviews, newest first.</summary>
    public async Task<IReadOnlyList<Review>> ListReviewsAsync(string? modelName, CancellationToken cancellationToken)
    {
        var model = await registry.GetRegisteredModelAsync(modelName, cancellationToken);
        return await store.ListReviewsAsync(model.Name, cancellationToken);
    }

    /// <summary>The record of a model, or null (for readers that treat a missing record as "no information").</summary>
    public Task<GovernanceRecord?> FindAsync(string modelName, CancellationToken cancellationToken) => store.GetAsync(modelName, cancellationToken);

    /// <summary>Every record matching <paramref name="filter"/>, without risk or schedule.</summary>
    public Task<IReadOnlyList<GovernanceRecord>> ListRecordsAsync(GovernanceRecordFilter filter, CancellationToken cancellationToken) => store.ListAsync(filter, cancellationToken);

    /// <summary>Every record that carries a warning (a draft while a version is in Production), by model name.</summary>
    public async Task<IReadOnlyList<GovernanceRecordView>> ListWarningsAsync(CancellationToken cancellationToken) =>
        (await AllViewsAsync(new GovernanceRecordFilter(Status: GovernanceStatus.Draft), cancellationToken)).Where(v => v.Warnings.Count > 0).ToList();

    private async Task<List<GovernanceRecordView>> AllViewsAsync(GovernanceRecordFilter filter, CancellationToken cancellationToken)
    {
        var records = await store.ListAsync(filter, cancellationToken);
        var latest = await scorecards.LatestPerModelAsync(cancellationToken);
        var config = await configs.CurrentAsync(cancellationToken);
        var production = await store.ListProductionVersionsAsync(null, cancellationToken);
        return records.Select(r => View(r, latest.GetValueOrDefault(r.ModelName), config.Config, production.GetValueOrDefault(r.ModelName) ?? [])).ToList();
    }

    private async Task<GovernanceRecordView> ViewAsync(GovernanceRecord record, CancellationToken cancellationToken)
    {
        var latest = await scorecards.LatestPerModelAsync(cancellationToken);
        var config = await configs.CurrentAsync(cancellationToken);
        var production = await store.ListProductionVersionsAsync(record.ModelName, cancellationToken);
        return View(record, latest.GetValueOrDefault(record.ModelName), config.Config, production.GetValueOrDefault(record.ModelName) ?? []);
    }

    private GovernanceRecordView View(GovernanceRecord record, Scorecard? risk, ScorecardConfig config, IReadOnlyList<int> production) =>
        new(record, risk, ReviewSchedule.For(record, risk?.Tier, config, clock.GetUtcNow()), production);

    private async Task<List<string>> CheckChecklistsAsync(IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        var known = (await checklists.ListAsync(cancellationToken)).Select(c => c.Document.Name).ToHashSet(StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var raw in names)
        {
            var name = raw?.Trim().ToLowerInvariant() ?? "";
            if (!known.Contains(name))
                throw StewardException.Invalid($"Unknown checklist '{raw}' in 'checklists'; known checklists: {string.Join(", ", known.Order(StringComparer.Ordinal))}.");
            if (!result.Contains(name)) result.Add(name);
        }

        return result;
    }

    private static void Check(string? value, string field, int maxLength)
    {
        Validation.MaxLength(value, maxLength, field);
    }
}
