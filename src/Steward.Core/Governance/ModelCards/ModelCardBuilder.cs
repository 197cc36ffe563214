using System.Globalization;
using Steward.Governance.Records;
using Steward.ModelAudits;
using Steward.Tracking;

namespace Steward.Governance.ModelCards;

/// <summary>
/// Fills a model card's sections from <see cref="ModelCardEvidence"/>. Pure: the same evidence
/// always gives the same card. Data sets are split by their <c>mlflow.data.context</c> input tag:
/// eval, evaluation, validation and test inputs are evaluation data, the rest training data.
/// </summary>
public static class ModelCardBuilder
{
    private const string ContextTag = "mlflow.data.context";
    private static readonly string[] EvaluationContexts = ["eval", "evaluation", "validation", "test", "testing"];

    /// <summary>The sections with the platform's content and the given people-written text (key → text, author, time).</summary>
    public static IReadOnlyList<ModelCardSection> Build(ModelCardEvidence evidence, IReadOnlyDictionary<string, (string Text, string? By, long? At)> texts)
    {
        var filled = new Dictionary<string, (List<CardFact> Facts, List<CardTable> Tables)>(StringComparer.Ordinal);
        foreach (var section in ModelCardSections.All) filled[section.Key] = ([], []);

        ModelDetails(evidence, filled[ModelCardSections.ModelDetails]);
        IntendedUse(evidence.Record, filled[ModelCardSections.IntendedUse].Facts);
        Metrics(evidence, filled[ModelCardSections.Metrics]);
        Data(evidence, filled[ModelCardSections.TrainingData].Tables, evaluation: false);
        Data(evidence, filled[ModelCardSections.EvaluationData].Tables, evaluation: true);
        foreach (var audit in evidence.Audits.Where(a => a.Kind == ModelAuditKind.Evaluation))
            filled[ModelCardSections.EvaluationData].Facts.Add(new CardFact($"Evaluation audit {audit.Id} data", audit.DataSource));
        QuantitativeAnalyses(evidence, filled[ModelCardSections.QuantitativeAnalyses]);
        EthicalConsiderations(evidence, filled[ModelCardSections.EthicalConsiderations].Facts);

        return ModelCardSections.All.Select(s =>
        {
            var (text, by, at) = texts.TryGetValue(s.Key, out var t) ? t : ("", null, null);
            return new ModelCardSection(s.Key, s.Title, filled[s.Key].Facts, filled[s.Key].Tables, text, by, at);
        }).ToList();
    }

    private static void ModelDetails(ModelCardEvidence e, (List<CardFact> Facts, List<CardTable> Tables) section)
    {
        var facts = section.Facts;
        facts.Add(new CardFact("Model", e.Model.Name));
        facts.Add(new CardFact("Version", e.Version.Version.ToString(CultureInfo.InvariantCulture)));
        AddIfAny(facts, "Description", string.IsNullOrWhiteSpace(e.Version.Description) ? e.Model.Description : e.Version.Description);
        facts.Add(new CardFact("Stage", e.Version.CurrentStage.ToString()));
        AddIfAny(facts, "Aliases", string.Join(", ", e.Version.Aliases.Order(StringComparer.Ordinal)));
        AddIfAny(facts, "Registered by", e.Version.UserId);
        facts.Add(new CardFact("Registered", Date(e.Version.CreationTimestamp)));
        facts.Add(new CardFact("Source", e.Version.Source));
        if (e.SourceRun is { } run)
        {
            facts.Add(new CardFact("Source run", $"{run.Info.RunId} ({run.Info.RunName}, experiment {run.Info.ExperimentId})"));
            if (run.Data.Params.Count > 0)
            {
                section.Tables.Add(new CardTable("Training parameters", ["Parameter", "Value"],
                    run.Data.Params.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (IReadOnlyList<string>)[p.Key, p.Value]).ToList()));
            }
        }

        if (e.Record is { } record)
        {
            AddIfAny(facts, "Owner", record.Owner);
            AddIfAny(facts, "Domain", record.Domain);
        }
    }

    private static void IntendedUse(GovernanceRecord? record, List<CardFact> facts)
    {
        if (record is null) return;
        AddIfAny(facts, "Purpose", record.Purpose);
        AddIfAny(facts, "Intended use", record.IntendedUse);
        AddIfAny(facts, "Who is affected", record.AffectedParties);
        AddIfAny(facts, "Predicts", record.Target);
    }

    private static void Metrics(ModelCardEvidence e, (List<CardFact> Facts, List<CardTable> Tables) section)
    {
        if (e.SourceRun is { Data.Metrics.Count: > 0 } run)
        {
            section.Tables.Add(new CardTable($"Metrics logged by run {run.Info.RunId}", ["Metric", "Value", "Step"],
                run.Data.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal)
                    .Select(m => (IReadOnlyList<string>)[m.Key, m.Value.ToString("G10", CultureInfo.InvariantCulture), m.Step.ToString(CultureInfo.InvariantCulture)])
                    .ToList()));
        }

        foreach (var audit in e.Audits.Where(a => a.Kind == ModelAuditKind.Evaluation))
            section.Facts.Add(new CardFact($"Evaluation audit {audit.Id}", $"{Verdict(audit)}: {audit.Summary}"));
    }

    private static void Data(ModelCardEvidence e, List<CardTable> tables, bool evaluation)
    {
        if (e.SourceRun is not { } run) return;
        var rows = run.Inputs
            .Where(i => EvaluationContexts.Contains(Context(i).ToLowerInvariant()) == evaluation)
            .Select(i => (IReadOnlyList<string>)[i.Dataset.Name, i.Dataset.Digest, i.Dataset.SourceType, i.Dataset.Source, Context(i)])
            .ToList();
        if (rows.Count > 0)
            tables.Add(new CardTable($"Data sets used by run {run.Info.RunId}", ["Name", "Digest", "Source type", "Source", "Context"], rows));
    }

    private static void QuantitativeAnalyses(ModelCardEvidence e, (List<CardFact> Facts, List<CardTable> Tables) section)
    {
        if (e.Audits.Count > 0)
        {
            section.Tables.Add(new CardTable("Model audits (newest first)", ["Audit", "Kind", "Verdict", "Summary", "Data", "By", "When"],
                e.Audits.Select(a => (IReadOnlyList<string>)[
                    a.Id.ToString(CultureInfo.InvariantCulture), ModelAuditKinds.Name(a.Kind), Verdict(a), a.Summary, a.DataSource, a.CreatedBy,
                    a.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)]).ToList()));
        }

        if (e.Audits.FirstOrDefault(a => a.Kind == ModelAuditKind.Fairness) is { } fairness)
            section.Facts.Add(new CardFact("Fairness audit", $"audit {fairness.Id}, {Verdict(fairness)}: {fairness.Summary}"));
        if (e.Scorecard is { } card)
            section.Facts.Add(new CardFact("Risk score", $"{card.Score.ToString(CultureInfo.InvariantCulture)} ({RiskTiers.Name(card.Tier)} tier, scorecard {card.Id})"));
    }

    private static void EthicalConsiderations(ModelCardEvidence e, List<CardFact> facts)
    {
        if (e.Scorecard?.Factors.FirstOrDefault(f => f.Key == "bias_risk") is { } bias)
        {
            var source = bias.EvidenceAuditId is { } id ? $"from fairness audit {id}" : $"entered by {bias.EnteredBy}";
            facts.Add(new CardFact("Bias risk", $"{bias.Value} ({source})"));
        }

        if (e.Scorecard is { } card) facts.Add(new CardFact("Risk tier", RiskTiers.Name(card.Tier)));
    }

    private static string Context(DatasetInput input) => input.Tags.FirstOrDefault(t => t.Key == ContextTag)?.Value ?? "";

    private static string Verdict(ModelAudit audit) => audit.Verdict.ToString().ToLowerInvariant();

    private static string Date(long unixMilliseconds) =>
        DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds).UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static void AddIfAny(List<CardFact> facts, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value)) facts.Add(new CardFact(name, value.Trim()));
    }
}
