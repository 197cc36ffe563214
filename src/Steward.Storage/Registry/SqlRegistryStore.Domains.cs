using Steward.Audit;
using Steward.Registry;

namespace Steward.Storage.Registry;

/// <summary>The domain a registered model and its versions belong to.</summary>
internal sealed partial class SqlRegistryStore
{
    public Task<string?> GetModelDomainAsync(string name, CancellationToken cancellationToken) =>
        database.ReadAsync(session => session.ScalarAsync<string?>("SELECT domain FROM registered_models WHERE name = @name", new { name }), cancellationToken);

    public Task<RegisteredModel> SetModelDomainAsync(AuditedChange change, string name, string domain, long now, CancellationToken cancellationToken) =>
        database.WriteAsync(change, async session =>
        {
            var model = await RequireModelAsync(session, name);
            await session.ExecuteAsync(
                "UPDATE registered_models SET domain = @domain, last_updated_time = @now WHERE model_id = @ModelId", new { model.ModelId, domain, now });
            return await LoadModelAsync(session, name) ?? throw ModelNotFound(name);
        }, cancellationToken);
}
