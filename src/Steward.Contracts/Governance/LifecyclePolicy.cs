namespace Steward.Contracts.Governance;

/// <summary>The lifecycle policy: which models are gated, which aliases are protected, which steps each gate needs, which approvals each tier needs.</summary>
/// <param name="Version">0 for the shipped default, then 1, 2, ...</param>
/// <param name="Sha256">SHA-256 of the file's text.</param>
/// <param name="CreatedBy">Who stored it.</param>
/// <param name="CreatedTimestamp">When; null for the shipped default.</param>
/// <param name="Name">The policy's name.</param>
/// <param name="Description">What it is.</param>
/// <param name="Enforce">governed (models with a governance record) or all.</param>
/// <param name="ProtectedAliases">Aliases that gate like Production.</param>
/// <param name="Gates">The steps each gate needs.</param>
/// <param name="Approvals">Per tier (low, medium, high), the approvals needed.</param>
/// <param name="MaxWaiverDays">The longest a waiver may run.</param>
/// <param name="Content">The file's text.</param>
public sealed record LifecyclePolicy(
    int Version,
    string Sha256,
    string CreatedBy,
    long? CreatedTimestamp,
    string Name,
    string Description,
    string Enforce,
    IReadOnlyList<string> ProtectedAliases,
    PolicyGates Gates,
    IReadOnlyDictionary<string, IReadOnlyList<ApprovalRequirement>> Approvals,
    int MaxWaiverDays,
    string Content);

/// <summary>The steps each gate needs.</summary>
/// <param name="Staging">Steps for Staging.</param>
/// <param name="Production">Steps for Production and protected aliases.</param>
public sealed record PolicyGates(IReadOnlyList<string> Staging, IReadOnlyList<string> Production);

/// <summary>A lifecycle step as defined (<c>GET /api/v1/governance/lifecycle-steps</c>).</summary>
/// <param name="Number">1 to 9.</param>
/// <param name="Key">e.g. <c>model-card</c>.</param>
/// <param name="Title">What the step is.</param>
/// <param name="Owner">The role that owns it.</param>
/// <param name="ClosedBy">What evidence closes it.</param>
/// <param name="Attestable">True when an owner's attestation closes it.</param>
/// <param name="Waivable">False for the approvals.</param>
public sealed record LifecycleStepDefinition(int Number, string Key, string Title, string Owner, string ClosedBy, bool Attestable, bool Waivable);
