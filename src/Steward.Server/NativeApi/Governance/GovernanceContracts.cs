using System.Text.Json;

namespace Steward.Server.NativeApi.Governance;

/// <summary>A model's governance record with its risk (newest scorecard) and review schedule. Times are Unix milliseconds.</summary>
internal sealed record GovernanceRecordDto(
    string Name,
    string Owner,
    string Domain,
    string Purpose,
    string IntendedUse,
    string AffectedParties,
    string Target,
    string Status,
    IReadOnlyList<string> Checklists,
    string CreatedBy,
    long CreatedTimestamp,
    string UpdatedBy,
    long UpdatedTimestamp,
    ReviewDto? LastReview,
    RiskDto? Risk,
    ScheduleDto Schedule);

/// <summary>The model's risk: its newest scorecard (over all versions).</summary>
internal sealed record RiskDto(string Tier, decimal Score, int Version, long ScorecardId, long FiledTimestamp);

/// <summary>When the next periodic review is due; <c>cadenceTier</c> is high for a model never scored.</summary>
internal sealed record ScheduleDto(string CadenceTier, int ReviewEveryMonths, long? NextReviewDue, bool Overdue);

internal sealed record ReviewDto(long Id, string Name, long ReviewedTimestamp, string Reviewer, string Outcome, string Notes);

/// <summary>Fields left out keep their stored value; a new record needs owner and domain.</summary>
internal sealed record SetGovernanceRecordRequest(
    string? Owner,
    string? Domain,
    string? Purpose,
    string? IntendedUse,
    string? AffectedParties,
    string? Target,
    string? Status,
    IReadOnlyList<string>? Checklists);

internal sealed record RecordReviewRequest(string? Outcome, string? Notes);

/// <summary>A configuration file's text, for storing a scorecard configuration or adding a checklist template.</summary>
internal sealed record ContentRequest(string? Content);

internal sealed record ScorecardConfigDto(
    int Version,
    string Sha256,
    string CreatedBy,
    long? CreatedTimestamp,
    string Name,
    string Description,
    IReadOnlyList<FactorDto> Factors,
    IReadOnlyList<TierDto> Tiers,
    string Content);

internal sealed record FactorDto(
    string Key,
    string Label,
    string Question,
    string Kind,
    IReadOnlyList<LevelDto>? Levels,
    IReadOnlyList<BandDto>? Bands,
    decimal? Min,
    decimal? Max,
    string Unit,
    string? FilledFrom);

internal sealed record LevelDto(string Value, decimal Points, string? MinimumTier);

internal sealed record BandDto(decimal AtLeast, decimal Points, string? MinimumTier);

internal sealed record TierDto(string Tier, decimal? MaxScore, int ReviewEveryMonths);

internal sealed record DocumentVersionDto(string Name, int Version, string Sha256, string CreatedBy, long? CreatedTimestamp);

/// <summary>Factor key → answer (a level, or a number as a JSON number or text).</summary>
internal sealed record ScoreRequest(Dictionary<string, JsonElement>? Factors);

internal sealed record ScoreResultDto(
    decimal Score,
    string Tier,
    string TierFromScore,
    IReadOnlyList<string> RaisedBy,
    IReadOnlyList<FactorScoreDto> Factors,
    int ConfigVersion,
    string ConfigSha256);

internal sealed record FactorScoreDto(string Key, string Value, decimal Points, string? MinimumTier);

internal sealed record ScorecardDto(
    long Id,
    string Name,
    int Version,
    decimal Score,
    string Tier,
    string TierFromScore,
    IReadOnlyList<string> RaisedBy,
    IReadOnlyList<FiledFactorDto> Factors,
    int ConfigVersion,
    string ConfigSha256,
    string FiledBy,
    long FiledTimestamp);

/// <summary>A filed factor: <c>source</c> is manual (entered by hand by <c>enteredBy</c>) or fairness_audit.</summary>
internal sealed record FiledFactorDto(string Key, string Value, decimal Points, string Source, string EnteredBy, long? EvidenceAuditId);

internal sealed record ChecklistTemplateDto(
    string Name,
    int Version,
    string Sha256,
    string Title,
    string Description,
    IReadOnlyList<ChecklistItemDto> Items,
    string CreatedBy,
    long? CreatedTimestamp);

internal sealed record ChecklistItemDto(string Id, string Text, string Guidance, bool Required, bool EvidenceRequired);

internal sealed record EvidenceDto(string? Kind, string? Ref);

internal sealed record AnswerRequest(string? Status, IReadOnlyList<EvidenceDto>? Evidence, string? Note);

internal sealed record ChecklistAnswerDto(
    string Name,
    int Version,
    string Checklist,
    string Item,
    string Status,
    IReadOnlyList<EvidenceDto> Evidence,
    string Note,
    string AnsweredBy,
    long AnsweredTimestamp);

/// <summary>A version's compliance; <c>auditScore</c> is items met / items required over every checklist shown.</summary>
internal sealed record ComplianceDto(string Name, int Version, int Required, int Met, double? AuditScore, bool Complete, IReadOnlyList<ChecklistCompletionDto> Checklists);

internal sealed record ChecklistCompletionDto(
    string Checklist,
    int TemplateVersion,
    string Title,
    bool Applies,
    int Required,
    int Met,
    double Completion,
    IReadOnlyList<ItemStateDto> Items);

/// <summary>An item and its answer; <c>status</c> is <c>unanswered</c> until answered.</summary>
internal sealed record ItemStateDto(
    string Id,
    string Text,
    bool Required,
    bool Counts,
    string Status,
    IReadOnlyList<EvidenceDto> Evidence,
    string Note,
    string? AnsweredBy,
    long? AnsweredTimestamp);

internal sealed record ModelCardDto(
    string Name,
    int Version,
    int Revision,
    string? EditedBy,
    long? EditedTimestamp,
    bool Complete,
    IReadOnlyList<string> MissingSections,
    IReadOnlyList<string> HumanEditedSections,
    IReadOnlyList<CardSectionDto> Sections);

internal sealed record CardSectionDto(
    string Key,
    string Title,
    IReadOnlyList<CardFactDto> Facts,
    IReadOnlyList<CardTableDto> Tables,
    string Text,
    bool HumanEdited,
    string? TextEditedBy,
    long? TextEditedTimestamp);

internal sealed record CardFactDto(string Name, string Value);

internal sealed record CardTableDto(string Caption, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>Section key → people-written text (empty clears); with <c>baseRevision</c>, refused if the card moved on meanwhile.</summary>
internal sealed record EditCardRequest(Dictionary<string, string?>? Sections, int? BaseRevision);

internal sealed record CardRevisionDto(int Revision, string EditedBy, long EditedTimestamp, IReadOnlyList<string> HumanEditedSections, IReadOnlyList<string> MissingSections);

internal sealed record RedundancyDto(double Threshold, IReadOnlyList<RedundancyGroupDto> Groups);

internal sealed record RedundancyGroupDto(string Target, IReadOnlyList<string> Domains, IReadOnlyList<RedundantModelDto> Models, IReadOnlyList<RedundantPairDto> Pairs);

internal sealed record RedundantModelDto(string Name, int? Version, string Domain, IReadOnlyList<string> Features, IReadOnlyList<string> Datasets);

internal sealed record RedundantPairDto(string First, string Second, double? FeatureOverlap, double? DatasetOverlap, IReadOnlyList<string> SharedFeatures, IReadOnlyList<string> SharedDatasets);
