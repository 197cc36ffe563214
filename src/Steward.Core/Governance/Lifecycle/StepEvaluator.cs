using System.Globalization;
using Steward.ModelAudits;
using Steward.Registry;

namespace Steward.Governance.Lifecycle;

/// <summary>
/// Decides each of the nine steps from a version's evidence — the definitions docs/lifecycle.md
/// states (<see cref="LifecycleStep.Evidence"/>). Pure: the same evidence gives the same steps.
/// A step not closed by evidence counts as waived while a waiver of it runs.
/// </summary>
public static class StepEvaluator
{
    public static IReadOnlyList<StepStatus> Evaluate(VersionEvidence evidence, ApprovalStatus approvals) =>
        LifecycleSteps.All.Select(step => WithWaivers(step, evidence, Decide(step, evidence, approvals))).ToList();

    private static (bool Done, string Detail, List<StepEvidence> Evidence) Decide(LifecycleStep step, VersionEvidence e, ApprovalStatus approvals) => step.Key switch
    {
        LifecycleSteps.BusinessKpi => Attested(step, e, "no product-manager attested the business KPI yet"),
        LifecycleSteps.FeaturePipeline => FeaturePipeline(step, e),
        LifecycleSteps.Evaluation => Evaluation(e),
        LifecycleSteps.ModelCard => ModelCard(e),
        LifecycleSteps.StagingDeployment => Staging(e),
        LifecycleSteps.Compliance => Compliance(e),
        LifecycleSteps.DriftMonitoring => Drift(e),
        LifecycleSteps.ProductionApproval => Approvals(approvals),
        LifecycleSteps.Feedback => Attested(step, e, "no data-analyst attested feedback collection yet"),
        _ => throw new ArgumentOutOfRangeException(nameof(step)),
    };

    private static StepStatus WithWaivers(LifecycleStep step, VersionEvidence e, (bool Done, string Detail, List<StepEvidence> Evidence) decided)
    {
        var waivers = e.Waivers.Where(w => w.Step == step.Key).ToList();
        var active = step.Waivable ? waivers.Where(w => w.ActiveAt(e.Now)).MaxBy(w => w.ExpiresAt) : null;
        var expired = waivers.Where(w => !w.ActiveAt(e.Now)).ToList();
        if (decided.Done) return new StepStatus(step, StepState.Done, decided.Detail, decided.Evidence, active, expired);
        if (active is not null)
        {
            var until = DateTimeOffset.FromUnixTimeMilliseconds(active.ExpiresAt).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            return new StepStatus(step, StepState.Waived, $"waived by {active.WaivedBy} until {until}: {active.Reason} (open without the waiver: {decided.Detail})", decided.Evidence, active, expired);
        }

        return new StepStatus(step, StepState.Open, decided.Detail, decided.Evidence, null, expired);
    }

    private static (bool, string, List<StepEvidence>) Attested(LifecycleStep step, VersionEvidence e, string missing)
    {
        var attestation = e.Attestations.Where(a => a.Step == step.Key).MaxBy(a => a.Id);
        return attestation is null
            ? (false, missing, [])
            : (true, $"attested by {attestation.AttestedBy}: {attestation.Link}", [new StepEvidence("attestation", attestation.Id.ToString(CultureInfo.InvariantCulture), attestation.Link)]);
    }

    private static (bool, string, List<StepEvidence>) FeaturePipeline(LifecycleStep step, VersionEvidence e)
    {
        if (e.Run is { Inputs.Count: > 0 } run)
        {
            var names = string.Join(", ", run.Inputs.Select(i => i.Dataset.Name));
            return (true, $"run {run.Info.RunId} logged {run.Inputs.Count} data set input(s): {names}",
                run.Inputs.Select(i => new StepEvidence("dataset", $"{i.Dataset.Name}@{i.Dataset.Digest}", $"input of run {run.Info.RunId}")).ToList());
        }

        var missing = e.Run is null
            ? "the version has no run, so no data set input is recorded, and no data-engineer attested the pipeline"
            : $"run {e.Run.Info.RunId} logged no data set input, and no data-engineer attested the pipeline";
        return Attested(step, e, missing);
    }

    private static (bool, string, List<StepEvidence>) Evaluation(VersionEvidence e)
    {
        if (e.Latest(ModelAuditKind.Evaluation) is { } audit)
        {
            var item = AuditEvidence(audit);
            return audit.Verdict == ModelAuditVerdict.Passed
                ? (true, $"evaluation audit {audit.Id} passed: {audit.Summary}", [item])
                : (false, $"the newest evaluation audit ({audit.Id}) failed: {audit.Summary}", [item]);
        }

        if (e.Run is { Data.Metrics.Count: > 0 } run)
        {
            var names = string.Join(", ", run.Data.Metrics.Select(m => m.Key).Distinct().Order(StringComparer.Ordinal).Take(10));
            return (true, $"run {run.Info.RunId} logged metrics: {names}", [new StepEvidence("run", run.Info.RunId, $"metrics: {names}")]);
        }

        return (false, e.Run is null ? "no evaluation audit, and the version has no run with metrics" : $"no evaluation audit, and run {e.Run.Info.RunId} logged no metric", []);
    }

    private static (bool, string, List<StepEvidence>) ModelCard(VersionEvidence e)
    {
        if (e.Card is not { } card) return (false, "no model card revision is stored; complete its people-written sections", []);
        var item = new StepEvidence("model-card", card.Revision.ToString(CultureInfo.InvariantCulture), $"revision {card.Revision} by {card.EditedBy}");
        return card.Complete
            ? (true, $"model card revision {card.Revision} is complete", [item])
            : (false, $"model card revision {card.Revision} misses sections: {string.Join(", ", card.MissingSections)}", [item]);
    }

    private static (bool, string, List<StepEvidence>) Staging(VersionEvidence e)
    {
        if (e.FirstEnteredStaging is { } at)
        {
            var when = DateTimeOffset.FromUnixTimeMilliseconds(at).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            return (true, $"entered Staging at {when}", [new StepEvidence("stage", "Staging", $"entered at {when}")]);
        }

        return e.Version.CurrentStage is ModelStage.Staging or ModelStage.Production
            ? (true, $"the version is in {ModelStages.Name(e.Version.CurrentStage)}", [new StepEvidence("stage", ModelStages.Name(e.Version.CurrentStage), "current stage")])
            : (false, "the version has never been in Staging", []);
    }

    private static (bool, string, List<StepEvidence>) Compliance(VersionEvidence e)
    {
        var c = e.Compliance;
        var items = c.Checklists.Select(l => new StepEvidence("checklist", l.Template.Document.Name, $"{l.Met} of {l.Required} required items met")).ToList();
        if (c.Checklists.Count == 0) return (false, "no compliance checklist applies: list the model's checklists in its governance record", items);
        if (c.Complete) return (true, $"every checklist is complete ({c.Met} of {c.Required} required items met)", items);
        var open = c.Checklists.SelectMany(l => l.Items.Where(i => i.Counts && !i.IsMet).Select(i => $"{l.Template.Document.Name}/{i.Item.Id}")).ToList();
        return (false, $"{c.Met} of {c.Required} required checklist items met; open: {string.Join(", ", open.Take(10))}{(open.Count > 10 ? ", ..." : "")}", items);
    }

    private static (bool, string, List<StepEvidence>) Drift(VersionEvidence e)
    {
        if (e.Latest(ModelAuditKind.Drift) is not { } audit) return (false, "no drift audit of the version records a baseline", []);
        return audit.Verdict == ModelAuditVerdict.Passed
            ? (true, $"drift audit {audit.Id} passed against baseline {audit.DataSource}", [AuditEvidence(audit)])
            : (false, $"the newest drift audit ({audit.Id}) found drift: {audit.Summary}", [AuditEvidence(audit)]);
    }

    private static (bool, string, List<StepEvidence>) Approvals(ApprovalStatus status)
    {
        var evidence = status.Requirements.Where(r => r.FilledBy is not null)
            .Select(r => new StepEvidence("approval", r.FilledBy!.Id.ToString(CultureInfo.InvariantCulture), $"{r.Requirement.Label}: {r.FilledBy.Approver}"))
            .ToList();
        var tier = RiskTiers.Name(status.Tier);
        if (status.CurrentRejections is { Count: > 0 } rejections)
            return (false, $"rejected by {string.Join("; ", rejections.Select(r => $"{r.Approver} ({r.Reason})"))}", evidence);
        var missing = status.Requirements.Where(r => r.FilledBy is null).Select(r => r.Requirement.Label).ToList();
        return missing.Count == 0
            ? (true, $"{tier} risk: approved by {string.Join(", ", evidence.Select(x => x.Description))}", evidence)
            : (false, $"{tier} risk needs approval by {string.Join(", ", missing)}{(evidence.Count > 0 ? $" (given: {string.Join(", ", evidence.Select(x => x.Description))})" : "")}", evidence);
    }

    private static StepEvidence AuditEvidence(ModelAudit audit) =>
        new("audit", audit.Id.ToString(CultureInfo.InvariantCulture), $"{ModelAuditKinds.Name(audit.Kind)} audit, {audit.Verdict.ToString().ToLowerInvariant()}, by {audit.CreatedBy}");
}
