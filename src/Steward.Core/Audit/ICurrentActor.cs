namespace Steward.Audit;

/// <summary>
/// Who is acting: the name every ledger entry records. The embedded default is the local
/// administrator (<see cref="LocalAdmin"/>); a host that authenticates callers supplies the
/// authenticated identity instead.
/// </summary>
/// <remarks>
/// Read once per operation, when the service opens its <see cref="AuditScope"/>. It is never a
/// value the client claims about itself (such as MLflow's <c>user_id</c> field).
/// </remarks>
public interface ICurrentActor
{
    /// <summary>The acting identity's name; never empty.</summary>
    string Name { get; }
}

/// <summary>The embedded default: every operation is the local administrator's.</summary>
public sealed class LocalAdmin : ICurrentActor
{
    /// <summary>The name recorded for the local administrator.</summary>
    public const string ActorName = "local-admin";

    /// <inheritdoc />
    public string Name => ActorName;
}
