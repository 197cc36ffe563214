using Steward.Errors;
using Steward.Storage.Sql;

namespace Steward.Storage.Governance;

/// <summary>
/// Resolves a model name to its surrogate key inside a governance write, locking the model's row
/// on PostgreSQL so that writes about one model (numbering revisions, creating its record)
/// happen one after the other across servers — and after, or before, a stage or alias change
/// whose gate reads them (<see cref="SqlGateTransaction"/> takes the same lock).
/// </summary>
internal static class ModelKeys
{
    public static async Task<long> LockModelAsync(SqlSession session, string name) =>
        await session.FirstOrDefaultAsync<long?>(GovernanceSql.Get(session, "lock_model"), new { name })
            ?? throw StewardException.NotFound($"Registered Model with name={name} not found");

    /// <summary>The model's key after checking the version exists.</summary>
    public static async Task<long> LockVersionAsync(SqlSession session, string name, int version)
    {
        var modelId = await LockModelAsync(session, name);
        var exists = await session.FirstOrDefaultAsync<int?>("SELECT 1 FROM model_versions WHERE model_id = @modelId AND version = @version", new { modelId, version });
        return exists is null ? throw StewardException.NotFound($"Model Version (name={name}, version={version}) not found") : modelId;
    }

    /// <summary>The model's key for a read, or null when there is no such model.</summary>
    public static Task<long?> FindAsync(SqlSession session, string name) =>
        session.FirstOrDefaultAsync<long?>("SELECT model_id FROM registered_models WHERE name = @name", new { name });
}
