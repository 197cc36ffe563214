using Steward.Audit;

namespace Steward.Identity;

/// <summary>
/// The keys that protect the web UI's session and antiforgery cookies (ASP.NET Core Data
/// Protection's key ring), kept in the metadata database so that every server sharing it
/// protects and unprotects with the same keys.
/// </summary>
/// <remarks>
/// Elements are only ever added (a revocation is an element of its own). <see cref="AddAsync"/>
/// appends the caller's <see cref="AuditedChange"/> in its transaction; adding a name already
/// stored changes nothing (the entry is still appended).
/// </remarks>
public interface ISessionKeyStore
{
    /// <summary>Every stored element, oldest first, as the XML Data Protection wrote it.</summary>
    Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Stores an element under its name (e.g. <c>key-&lt;guid&gt;</c>) at <paramref name="createdAt"/> (Unix milliseconds).</summary>
    Task AddAsync(AuditedChange change, string name, string xml, long createdAt, CancellationToken cancellationToken);
}
