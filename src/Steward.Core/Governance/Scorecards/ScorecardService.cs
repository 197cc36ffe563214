using System.Globalization;
using System.Text.Json.Nodes;
using Steward.Audit;
using Steward.Errors;
using Steward.Identity;
using Steward.ModelAudits;
using Steward.Registry;

namespace Steward.Governance.Scorecards;

/// <summary>
/// Scores model versions and files their scorecards. Where the platform holds the evidence for
/// a factor it fills the factor itself: a factor configured <c>filled_from: fairness_audit</c>
/// takes its level from the verdict of the version's newest fairness audit (passed and failed
/// map to the levels the configuration names; by default low and high). Data quality has no
/// platform source yet and is always entered by hand.
/// </summary>
public sealed class ScorecardService(
    IScorecardStore store,
    ScorecardConfigService configs,
    RegistryService registry,
    ModelAuditService audits,
    TimeProvider clock,
    ICurrentActor actor,
    AccessControl access)
{
    /// <summary>Scores answers with the configuration in force, storing nothing.</summary>
    public async Task<(ScoreResult Result, ScorecardConfigVersion Config)> ScoreAsync(IReadOnlyDictionary<string, string>? answers, CancellationToken cancellationToken)
    {
        var config = await configs.CurrentAsync(cancellationToken);
        return (ScoreCalculator.Score(config.Config, Normalize(answers)), config);
    }

    /// <summary>
    /// Files a scorecard for a model version: hand-entered answers plus the factors the platform
    /// fills from evidence. A hand-entered answer that contradicts the evidence is refused.
    /// </summary>
    public async Task<Scorecard> FileAsync(string? modelName, string? version, IReadOnlyDictionary<string, string>? answers, CancellationToken cancellationToken)
    {
        var modelVersion = await registry.GetModelVersionAsync(modelName, version, cancellationToken);
        await access.DemandAsync(Permission.FileScorecards, GovernanceActions.ScorecardFile, GovernanceResources.Scorecard(modelVersion.Name, modelVersion.Version), cancellationToken);
        var given = Normalize(answers);
        var config = await configs.CurrentAsync(cancellationToken);
        var complete = new Dictionary<string, string>(given, StringComparer.Ordinal);
        var filed = new Dictionary<string, FiledFactor>(StringComparer.Ordinal);
        foreach (var factor in config.Config.Factors.Where(f => f.FilledFrom is not null))
        {
            var audit = await audits.LatestAsync(modelVersion.Name, modelVersion.Version, ModelAuditKind.Fairness, cancellationToken);
            if (audit is null) continue;
            var level = audit.Verdict == ModelAuditVerdict.Passed ? factor.FilledFrom!.WhenPassed : factor.FilledFrom!.WhenFailed;
            if (given.TryGetValue(factor.Key, out var typed) && !string.Equals(typed.Trim(), level, StringComparison.OrdinalIgnoreCase))
            {
                throw StewardException.Invalid(
                    $"Scorecard factor '{factor.Key}' is filled from fairness audit {audit.Id} ({audit.Verdict.ToString().ToLowerInvariant()} → {level}); " +
                    $"it cannot be entered as '{typed}'. Leave it out, or record a new fairness audit.");
            }

            complete[factor.Key] = level;
            filed[factor.Key] = new FiledFactor(factor.Key, level, 0, FactorSources.FairnessAudit, audit.CreatedBy, audit.Id);
        }

        var result = ScoreCalculator.Score(config.Config, complete);
        var factors = result.Factors.Select(s => filed.TryGetValue(s.Key, out var f)
            ? f with { Points = s.Points }
            : new FiledFactor(s.Key, s.Value, s.Points, FactorSources.Manual, actor.Name, null)).ToList();

        var payload = new JsonObject
        {
            ["name"] = modelVersion.Name,
            ["version"] = modelVersion.Version,
            ["factors"] = new JsonObject(factors.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)new JsonObject
            {
                ["value"] = f.Value,
                ["source"] = f.Source,
                ["evidence_audit_id"] = f.EvidenceAuditId,
            }))),
            ["score"] = result.Score.ToString(CultureInfo.InvariantCulture),
            ["tier"] = RiskTiers.Name(result.Tier),
            ["config_version"] = config.Document.Version,
            ["config_sha256"] = config.Document.Sha256,
        };
        var change = AuditedChange.Of(actor, GovernanceActions.ScorecardFile, GovernanceResources.Scorecard(modelVersion.Name, modelVersion.Version), payload);
        return await store.AddAsync(
            change,
            new NewScorecard(modelVersion.Name, modelVersion.Version, result, factors, config.Document.Version, config.Document.Sha256),
            actor.Name,
            clock.GetUtcNow().ToUnixTimeMilliseconds(),
            cancellationToken);
    }

    /// <summary>A version's scorecards, newest first; ResourceDoesNotExist for an unknown version.</summary>
    public async Task<IReadOnlyList<Scorecard>> ListAsync(string? modelName, string? version, CancellationToken cancellationToken)
    {
        var modelVersion = await registry.GetModelVersionAsync(modelName, version, cancellationToken);
        return await store.ListAsync(modelVersion.Name, modelVersion.Version, cancellationToken);
    }

    /// <summary>The version's newest scorecard, or null: its tier is the version's risk tier.</summary>
    public async Task<Scorecard?> LatestAsync(string modelName, int version, CancellationToken cancellationToken) =>
        (await store.ListAsync(modelName, version, cancellationToken)).FirstOrDefault();

    /// <summary>The newest scorecard of each model, by model name.</summary>
    public async Task<IReadOnlyDictionary<string, Scorecard>> LatestPerModelAsync(CancellationToken cancellationToken) =>
        (await store.LatestPerModelAsync(cancellationToken)).ToDictionary(s => s.ModelName, StringComparer.Ordinal);

    /// <summary>Factor keys in lowercase, as the configuration spells them; a key given twice is an error.</summary>
    private static Dictionary<string, string> Normalize(IReadOnlyDictionary<string, string>? answers)
    {
        var normalized = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in answers ?? new Dictionary<string, string>())
        {
            var k = key.Trim().ToLowerInvariant().Replace('-', '_');
            if (!normalized.TryAdd(k, value ?? "")) throw StewardException.Invalid($"Scorecard factor '{k}' is given twice.");
            Validation.MaxLength(value, GovernanceLimits.MaxShortText, $"factor '{k}'");
        }

        return normalized;
    }
}
