using Steward.Errors;
using Steward.Identity;

namespace Steward.Governance.Lifecycle;

/// <summary>
/// One of the nine steps from pilot to production, checked on every model version: its owner
/// role (who may attest or waive it) and, in words, the evidence that closes it. What each step
/// reads is <see cref="StepEvaluator"/>'s to decide.
/// </summary>
/// <param name="Number">1 to 9, in lifecycle order.</param>
/// <param name="Key">The step's name on the wire: <c>business-kpi</c>.</param>
/// <param name="Title">What the step is, for people.</param>
/// <param name="Owner">The role that owns the step: only it (or an admin) attests or waives it.</param>
/// <param name="Evidence">What closes the step, as docs/lifecycle.md states it.</param>
/// <param name="Attestable">True when an attestation by the owner role (with a link) closes the step, because the platform holds no such evidence itself.</param>
/// <param name="Waivable">False for the approvals, which no one may waive.</param>
public sealed record LifecycleStep(int Number, string Key, string Title, Role Owner, string Evidence, bool Attestable, bool Waivable = true);

/// <summary>The nine steps, in order.</summary>
public static class LifecycleSteps
{
    public const string BusinessKpi = "business-kpi";
    public const string FeaturePipeline = "feature-pipeline";
    public const string Evaluation = "evaluation";
    public const string ModelCard = "model-card";
    public const string StagingDeployment = "staging-deployment";
    public const string Compliance = "compliance";
    public const string DriftMonitoring = "drift-monitoring";
    public const string ProductionApproval = "production-approval";
    public const string Feedback = "feedback";

    public static IReadOnlyList<LifecycleStep> All { get; } =
    [
        new(1, BusinessKpi, "Business KPI defined", Role.ProductManager,
            "an attestation by a product-manager linking the KPI definition", Attestable: true),
        new(2, FeaturePipeline, "Feature pipeline recorded", Role.DataEngineer,
            "the version's run logged at least one data set input; else an attestation by a data-engineer linking the pipeline", Attestable: true),
        new(3, Evaluation, "Evaluation run logged", Role.MlEngineer,
            "the version's newest evaluation audit passed; without any evaluation audit, the version's run logged at least one metric", Attestable: false),
        new(4, ModelCard, "Model card complete", Role.MlEngineer,
            "the newest stored revision of the version's model card has no missing section", Attestable: false),
        new(5, StagingDeployment, "Deployed to staging", Role.ReleaseManager,
            "the version has been in Staging (or is in Staging or Production now)", Attestable: false),
        new(6, Compliance, "Compliance checklist done", Role.GovernanceOfficer,
            "every compliance checklist that applies to the version is complete (at least one applies)", Attestable: false),
        new(7, DriftMonitoring, "Drift monitoring configured with a baseline", Role.MlEngineer,
            "the version's newest drift audit passed (its reference data set is the baseline)", Attestable: false),
        new(8, ProductionApproval, "Production roll-out approved", Role.ReleaseManager,
            "every approval the version's risk tier requires is given on the version's current evidence, and no current rejection stands", Attestable: false, Waivable: false),
        new(9, Feedback, "Feedback collection on", Role.DataAnalyst,
            "an attestation by a data-analyst linking where feedback is collected", Attestable: true),
    ];

    /// <summary>The step named <paramref name="key"/>; InvalidParameterValue naming the steps when there is none.</summary>
    public static LifecycleStep Find(string? key, string field = "step") =>
        TryFind(key)
            ?? throw StewardException.Invalid($"Unknown lifecycle step '{key}' in '{field}'; the steps are: {string.Join(", ", All.Select(s => s.Key))}.");

    /// <summary>The step named by key or number, or null when none is.</summary>
    public static LifecycleStep? TryFind(string? key)
    {
        var wanted = key?.Trim().ToLowerInvariant();
        return All.FirstOrDefault(s => s.Key == wanted || s.Number.ToString(System.Globalization.CultureInfo.InvariantCulture) == wanted);
    }
}
