namespace Steward.Audit;

/// <summary>
/// Who is acting: the name every ledger entry records. The server supplies the principal its
/// authentication established for the request (<see cref="Identity.ICurrentPrincipal"/>): a
/// user, or the local administrator (<see cref="LocalAdmin"/>) for a request without
/// credentials on a loopback server.
/// </summary>
/// <remarks>
/// Read once per operation, when the service describes its <see cref="AuditedChange"/>. It is never a
/// value the client claims about itself (such as MLflow's <c>user_id</c> field).
/// </remarks>
public interface ICurrentActor
{
    /// <summary>The acting identity's name; never empty.</summary>
    string Name { get; }
}

/// <summary>The local administrator: who a request without credentials on a loopback server acts as.</summary>
public sealed class LocalAdmin : ICurrentActor
{
    /// <summary>The name recorded for the local administrator.</summary>
    public const string ActorName = "local-admin";

    /// <inheritdoc />
    public string Name => ActorName;
}
