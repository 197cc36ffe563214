using Steward.Audit;
using Steward.Errors;
using Steward.Identity;

namespace Steward.Tracking;

/// <summary>
/// Who may write where: every write to an experiment or a run needs the write-tracking
/// permission in the experiment's domain (<see cref="PermissionTable"/>); moving an experiment
/// to another domain is an admin's.
/// </summary>
public sealed partial class TrackingService
{
    /// <summary>Moves an experiment, with its runs, to another domain.</summary>
    public async Task SetExperimentDomainAsync(string? experimentId, string? domain, CancellationToken cancellationToken)
    {
        DomainNames.Check(domain, "domain");
        var experiment = await GetExperimentAsync(experimentId, cancellationToken);
        var resource = AuditResources.Experiment(experiment.ExperimentId);
        await access.DemandAsync(Permission.AssignDomain, AuditActions.ExperimentSetDomain, resource, cancellationToken);
        await access.ExistingDomainAsync(domain, "domain", cancellationToken);
        var change = Change(AuditActions.ExperimentSetDomain, resource, new() { ["experiment_id"] = experiment.ExperimentId, ["domain"] = domain });
        await store.SetExperimentDomainAsync(change, experiment.ExperimentId, domain!, Now, cancellationToken);
    }

    private Task DemandAsync(Experiment experiment, string action, CancellationToken cancellationToken) =>
        access.DemandInDomainAsync(Permission.WriteTracking, action, AuditResources.Experiment(experiment.ExperimentId), experiment.Domain, cancellationToken);

    /// <summary>Demands the write permission in the domain of a run's experiment, looked up only for callers who are not admins.</summary>
    internal Task DemandRunAsync(string runId, string action, CancellationToken cancellationToken) =>
        access.DemandInDomainAsync(Permission.WriteTracking, action, AuditResources.Run(runId), token => store.GetRunDomainAsync(runId, token), cancellationToken);

    /// <summary>
    /// The domain a create asks for: the request's own field, else the <c>steward.domain</c> tag
    /// (which is taken out of the tags: it is the domain, not a tag), with the field that named it.
    /// </summary>
    internal static (string? Domain, string Field, IReadOnlyList<Tag> Tags) DomainRequest(string? domain, IReadOnlyList<Tag>? tags)
    {
        var all = tags ?? [];
        var tagged = all.LastOrDefault(t => t.Key == DomainNames.Tag)?.Value;
        var rest = tagged is null ? all : all.Where(t => t.Key != DomainNames.Tag).ToList();
        if (!string.IsNullOrEmpty(domain) && tagged is not null && tagged != domain)
        {
            throw StewardException.Invalid($"Both 'domain' ('{domain}') and the '{DomainNames.Tag}' tag ('{tagged}') were given with different values.");
        }

        return !string.IsNullOrEmpty(domain) ? (domain, "domain", rest) : tagged is not null ? (tagged, $"tags.{DomainNames.Tag}", rest) : (null, "domain", rest);
    }

    internal static StewardException DomainTagIsNoTag(string kind) =>
        StewardException.Invalid($"'{DomainNames.Tag}' is the {kind}'s domain, not a tag, and cannot be deleted; an admin moves the {kind} to another domain by setting it.");

    /// <summary>The <c>mlflow.user</c> tag records who created the run: writing it is refused unless it stays what it is.</summary>
    private async Task CheckUserTagAsync(string runId, IReadOnlyList<Tag> tags, CancellationToken cancellationToken)
    {
        var run = await GetRunAsync(runId, cancellationToken);
        if (tags.Any(t => t.Key == UserTag && t.Value != run.Info.UserId))
        {
            throw StewardException.Invalid($"The tag '{UserTag}' records who created the run ('{run.Info.UserId}') and cannot be changed.");
        }
    }
}
