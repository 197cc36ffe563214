using Steward.Errors;
using Steward.Identity;
using Steward.Registry;

namespace Steward.Governance.Records;

/// <summary>
/// A governance record's domain is its registered model's domain — the identity domain that owns
/// the model and decides who may write to it — not a second business unit typed in beside it. A
/// request may still name it (scripts written before say <c>--domain</c>); it must then be that
/// domain, and moving the model to another domain stays an admin's act on the model itself.
/// </summary>
public static class RecordDomain
{
    /// <summary>
    /// Checks a domain a request names against the model's: an unknown domain is refused naming the
    /// known ones, another existing domain naming both; null (left out) always passes.
    /// </summary>
    public static async Task CheckAsync(string? requested, RegisteredModel model, IIdentityStore identities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(identities);
        if (requested is null || requested.Trim() == model.Domain) return;
        var name = requested.Trim();
        var known = (await identities.ListDomainsAsync(cancellationToken)).Select(d => d.Name).Order(StringComparer.Ordinal).ToList();
        if (!known.Contains(name, StringComparer.Ordinal))
        {
            throw StewardException.Invalid(
                $"The domain '{requested}' named in 'domain' does not exist; known domains: {string.Join(", ", known)}. " +
                $"A governance record's domain is its model's domain ('{model.Domain}' for '{model.Name}'): leave 'domain' out to use it.");
        }

        throw Mismatch(model.Name, model.Domain, name);
    }

    /// <summary>The refusal of a record whose request names an existing domain other than the model's.</summary>
    public static StewardException Mismatch(string modelName, string modelDomain, string requested) => StewardException.Invalid(
        $"Registered model '{modelName}' is in domain '{modelDomain}', not '{requested}': a governance record's domain is its model's domain. " +
        $"Leave 'domain' out, or have an admin move the model first (PUT /api/v1/models/{Uri.EscapeDataString(modelName)}/domain); its record follows.");
}
