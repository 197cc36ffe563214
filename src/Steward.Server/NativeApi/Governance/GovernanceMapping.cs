using Steward.Governance;
using Steward.Governance.Checklists;
using Steward.Governance.Configuration;
using Steward.Governance.ModelCards;
using Steward.Governance.Records;
using Steward.Governance.Redundancy;
using Steward.Governance.Scorecards;

namespace Steward.Server.NativeApi.Governance;

/// <summary>Core governance types to the API's DTOs.</summary>
internal static class GovernanceMapping
{
    public static GovernanceRecordDto ToDto(this GovernanceRecordView view)
    {
        var r = view.Record;
        return new GovernanceRecordDto(
            r.ModelName, r.Owner, r.Domain, r.Purpose, r.IntendedUse, r.AffectedParties, r.Target, GovernanceNames.Name(r.Status), r.Checklists,
            r.CreatedBy, r.CreatedAt, r.UpdatedBy, r.UpdatedAt, r.LastReview?.ToDto(),
            view.Risk is { } s ? new RiskDto(RiskTiers.Name(s.Tier), s.Score, s.Version, s.Id, s.FiledAt) : null,
            new ScheduleDto(RiskTiers.Name(view.Schedule.CadenceTier), view.Schedule.ReviewEveryMonths, view.Schedule.NextReviewDue, view.Schedule.Overdue),
            RiskTiers.Name(view.EffectiveTier), view.TierSource, view.Warnings);
    }

    public static ReviewDto ToDto(this Review review) =>
        new(review.Id, review.ModelName, review.ReviewedAt, review.Reviewer, GovernanceNames.Name(review.Outcome), review.Notes);

    public static ScorecardConfigDto ToDto(this ScorecardConfigVersion version)
    {
        var c = version.Config;
        var d = version.Document;
        return new ScorecardConfigDto(d.Version, d.Sha256, d.CreatedBy, d.CreatedAt?.ToUnixTimeMilliseconds(), c.Name, c.Description,
            c.Factors.Select(f => new FactorDto(
                f.Key, f.Label, f.Question, f.Kind == FactorKind.Levels ? "levels" : "bands",
                f.Kind == FactorKind.Levels ? f.Levels.Select(l => new LevelDto(l.Value, l.Points, Tier(l.MinimumTier))).ToList() : null,
                f.Kind == FactorKind.Bands ? f.Bands.Select(b => new BandDto(b.AtLeast, b.Points, Tier(b.MinimumTier))).ToList() : null,
                f.Kind == FactorKind.Bands ? f.Minimum : null,
                f.Kind == FactorKind.Bands ? f.Maximum : null,
                f.Unit,
                f.FilledFrom?.Source)).ToList(),
            c.Tiers.Select(t => new TierDto(RiskTiers.Name(t.Tier), t.MaxScore, t.ReviewEveryMonths)).ToList(),
            d.Content);
    }

    public static DocumentVersionDto ToVersionDto(this VersionedDocument d) => new(d.Name, d.Version, d.Sha256, d.CreatedBy, d.CreatedAt?.ToUnixTimeMilliseconds());

    public static ScoreResultDto ToDto(this ScoreResult result, VersionedDocument config) => new(
        result.Score, RiskTiers.Name(result.Tier), RiskTiers.Name(result.TierFromScore), result.RaisedBy,
        result.Factors.Select(f => new FactorScoreDto(f.Key, f.Value, f.Points, Tier(f.MinimumTier))).ToList(),
        config.Version, config.Sha256);

    public static ScorecardDto ToDto(this Scorecard s) => new(
        s.Id, s.ModelName, s.Version, s.Score, RiskTiers.Name(s.Tier), RiskTiers.Name(s.TierFromScore), s.RaisedBy,
        s.Factors.Select(f => new FiledFactorDto(f.Key, f.Value, f.Points, f.Source, f.EnteredBy, f.EvidenceAuditId)).ToList(),
        s.ConfigVersion, s.ConfigSha256, s.FiledBy, s.FiledAt);

    public static ChecklistTemplateDto ToDto(this ChecklistTemplateVersion t) => new(
        t.Document.Name, t.Document.Version, t.Document.Sha256, t.Template.Title, t.Template.Description,
        t.Template.Items.Select(i => new ChecklistItemDto(i.Id, i.Text, i.Guidance, i.Required, i.EvidenceRequired)).ToList(),
        t.Document.CreatedBy, t.Document.CreatedAt?.ToUnixTimeMilliseconds());

    public static ChecklistAnswerDto ToDto(this ChecklistAnswer a) => new(
        a.ModelName, a.Version, a.Checklist, a.Item, ChecklistNames.Name(a.Status), Evidence(a.Evidence), a.Note, a.AnsweredBy, a.AnsweredAt);

    public static ComplianceDto ToDto(this ComplianceStatus status) => new(
        status.ModelName, status.Version, status.Required, status.Met, status.AuditScore, status.Complete,
        status.Checklists.Select(c => new ChecklistCompletionDto(
            c.Template.Document.Name, c.Template.Document.Version, c.Template.Template.Title, c.Applies, c.Required, c.Met, c.Completion,
            c.Items.Select(i => new ItemStateDto(
                i.Item.Id, i.Item.Text, i.Item.Required, i.Counts, i.Answer is null ? "unanswered" : ChecklistNames.Name(i.Answer.Status),
                Evidence(i.Answer?.Evidence ?? []), i.Answer?.Note ?? "", i.Answer?.AnsweredBy, i.Answer?.AnsweredAt)).ToList())).ToList());

    public static ModelCardDto ToDto(this ModelCard card) => new(
        card.ModelName, card.Version, card.Revision, card.EditedBy, card.EditedAt, card.Complete, card.MissingSections, card.HumanEditedSections,
        card.Sections.Select(s => new CardSectionDto(
            s.Key, s.Title, s.Facts.Select(f => new CardFactDto(f.Name, f.Value)).ToList(),
            s.Tables.Select(t => new CardTableDto(t.Caption, t.Headers, t.Rows)).ToList(),
            s.Text, s.HumanEdited, s.TextEditedBy, s.TextEditedAt)).ToList());

    public static CardRevisionDto ToRevisionDto(this ModelCard card) =>
        new(card.Revision, card.EditedBy ?? "", card.EditedAt ?? 0, card.HumanEditedSections, card.MissingSections);

    public static RedundancyGroupDto ToDto(this RedundancyGroup g) => new(
        g.Target, g.Domains,
        g.Models.Select(m => new RedundantModelDto(m.ModelName, m.Version, m.Domain, m.Features.Order(StringComparer.Ordinal).ToList(), m.Datasets.Order(StringComparer.Ordinal).ToList())).ToList(),
        g.Pairs.Select(p => new RedundantPairDto(p.First, p.Second, p.FeatureOverlap, p.DatasetOverlap, p.SharedFeatures, p.SharedDatasets)).ToList());

    private static List<EvidenceDto> Evidence(IReadOnlyList<EvidenceLink> links) => links.Select(l => new EvidenceDto(ChecklistNames.Name(l.Kind), l.Reference)).ToList();

    private static string? Tier(RiskTier? tier) => tier is { } t ? RiskTiers.Name(t) : null;
}
