using System.Text.Json.Nodes;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Steward.Audit;
using Steward.Identity;

namespace Steward.Web.Session;

/// <summary>
/// Data Protection's key ring in the metadata database (<see cref="ISessionKeyStore"/>), so that
/// every server sharing the database reads the session and antiforgery cookies the others
/// issued. Each key (or revocation) written is a ledger entry naming the key and its dates —
/// never its secret, which is key material, not a governed record.
/// </summary>
/// <remarks>
/// Data Protection calls this synchronously and seldom (at start, when it creates or rotates a
/// key, and when a cookie names a key it has not loaded), so blocking on the store is acceptable.
/// </remarks>
internal sealed class DatabaseKeyRepository(ISessionKeyStore store, TimeProvider clock) : IXmlRepository
{
    /// <summary>The ledger action of a stored key element.</summary>
    public const string KeyCreated = "dataprotection.key.created";

    /// <summary>The ledger action of a stored revocation.</summary>
    public const string KeyRevoked = "dataprotection.key.revoked";

    private static readonly ICurrentActor Server = new ServerActor();

    public IReadOnlyCollection<XElement> GetAllElements() =>
        store.ListAsync(CancellationToken.None).GetAwaiter().GetResult().Select(XElement.Parse).ToList();

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        var revocation = element.Name.LocalName == "revocation";
        var id = (string?)element.Attribute("id") ?? (string?)element.Element("key")?.Attribute("id") ?? friendlyName;
        var payload = new JsonObject
        {
            ["id"] = id,
            ["element"] = element.Name.LocalName,
            ["creation_date"] = (string?)element.Element("creationDate") ?? (string?)element.Element("revocationDate"),
            ["activation_date"] = (string?)element.Element("activationDate"),
            ["expiration_date"] = (string?)element.Element("expirationDate"),
        };
        var change = AuditedChange.Of(Server, revocation ? KeyRevoked : KeyCreated, $"dataprotection_key/{id}", payload);
        store.AddAsync(change, friendlyName, element.ToString(SaveOptions.DisableFormatting), clock.GetUtcNow().ToUnixTimeMilliseconds(), CancellationToken.None)
            .GetAwaiter().GetResult();
    }

    /// <summary>The server acting on its own (<see cref="UserNames.Server"/>).</summary>
    private sealed class ServerActor : ICurrentActor
    {
        public string Name => UserNames.Server;
    }
}
