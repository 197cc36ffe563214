namespace Steward.Identity;

/// <summary>
/// The authenticated principal of the operation under way. The host supplies it from the
/// request; services read it to decide what the operation may do.
/// </summary>
/// <remarks>Throws <see cref="InvalidOperationException"/> when read outside an authenticated operation.</remarks>
public interface ICurrentPrincipal
{
    Principal Principal { get; }
}
