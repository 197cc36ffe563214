namespace Steward.Registry;

/// <summary>
/// Decides whether a stage or alias change may happen. Governance plugs in here; without it
/// every change is allowed.
/// </summary>
/// <remarks>
/// Implementations throw <see cref="Errors.StewardException"/> with
/// <see cref="Errors.ErrorCode.GateClosed"/> and a message listing every unmet condition
/// to refuse a change; returning normally allows it.
/// </remarks>
public interface IVersionChangeGate
{
    Task CheckAsync(VersionChange change, ModelVersion current, CancellationToken cancellationToken);
}

/// <summary>The gate that allows every change: the default until governance is configured.</summary>
public sealed class OpenGate : IVersionChangeGate
{
    public Task CheckAsync(VersionChange change, ModelVersion current, CancellationToken cancellationToken) => Task.CompletedTask;
}
