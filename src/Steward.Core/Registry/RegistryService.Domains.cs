using Steward.Audit;
using Steward.Identity;

namespace Steward.Registry;

/// <summary>
/// Who may write where: writes to a model and its versions need the write-registry permission,
/// stage and alias changes the change-stage permission, each in the model's domain; moving a
/// model to another domain is an admin's.
/// </summary>
public sealed partial class RegistryService
{
    /// <summary>Moves a model, with its versions, to another domain.</summary>
    public async Task<RegisteredModel> SetModelDomainAsync(string? name, string? domain, CancellationToken cancellationToken)
    {
        Validation.Required(name, "name");
        DomainNames.Check(domain, "domain");
        var resource = AuditResources.RegisteredModel(name!);
        await access.DemandAsync(Permission.AssignDomain, AuditActions.RegisteredModelSetDomain, resource, cancellationToken);
        await access.ExistingDomainAsync(domain, "domain", cancellationToken);
        var audit = Audit(AuditActions.RegisteredModelSetDomain, resource, new() { ["name"] = name, ["domain"] = domain });
        return await store.SetModelDomainAsync(audit, name!, domain!, Now, cancellationToken);
    }

    /// <summary>Demands a permission in the domain of a model, looked up only for callers who are not admins.</summary>
    private Task DemandModelAsync(Permission permission, string name, string action, CancellationToken cancellationToken) =>
        access.DemandInDomainAsync(permission, action, AuditResources.RegisteredModel(name), token => store.GetModelDomainAsync(name, token), cancellationToken);
}
