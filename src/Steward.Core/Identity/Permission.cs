namespace Steward.Identity;

/// <summary>An action a principal may be allowed to take; <see cref="PermissionTable"/> says which roles hold it.</summary>
public enum Permission
{
    /// <summary>Read experiments, runs, metrics, models, versions, artifact listings and domains.</summary>
    ReadMetadata,
    /// <summary>Download artifact content (a protected read: each download is a ledger entry).</summary>
    ReadArtifacts,
    /// <summary>Create and change experiments, runs, metrics, params, tags, inputs, artifacts and logged models.</summary>
    WriteTracking,
    /// <summary>Create and change registered models and versions, their tags and descriptions.</summary>
    WriteRegistry,
    /// <summary>Move a version between stages; set and delete aliases.</summary>
    ChangeStage,
    /// <summary>Run fairness, drift and evaluation audits of model versions and keep them as evidence.</summary>
    RunAudits,
    /// <summary>Create and change a model's governance record (risk registry entry).</summary>
    WriteGovernanceRecord,
    /// <summary>Record a periodic review of a model.</summary>
    ReviewModels,
    /// <summary>Store the scorecard configuration, checklist templates and the lifecycle policy.</summary>
    ConfigureGovernance,
    /// <summary>File a model version's risk scorecard.</summary>
    FileScorecards,
    /// <summary>Answer compliance checklist items of a model version.</summary>
    AnswerChecklists,
    /// <summary>Write the people-written sections of a model card.</summary>
    EditModelCards,
    /// <summary>Approve or reject a version's promotion (the risk tier decides whose decisions count).</summary>
    ApproveVersions,
    /// <summary>Attest or waive a lifecycle step (only the step's owner role may).</summary>
    RecordLifecycleSteps,
    /// <summary>Read the audit ledger: entries, signed tree heads, proofs, authorship.</summary>
    ReadLedger,
    /// <summary>List users and anyone's tokens (never a secret).</summary>
    ReadIdentities,
    /// <summary>Create and change users, their roles, domains, passwords and tokens; create domains.</summary>
    ManageIdentities,
    /// <summary>Move an experiment or a registered model to another domain.</summary>
    AssignDomain,
    /// <summary>Read oneself, set one's own password, create, list and revoke one's own tokens.</summary>
    ManageOwnCredentials,
}

/// <summary>Where a permission applies.</summary>
public enum PermissionScope
{
    /// <summary>Everywhere: the role alone decides.</summary>
    Everywhere,
    /// <summary>Only inside the principal's domains (an admin's are all of them).</summary>
    OwnDomains,
}
