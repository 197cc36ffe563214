using Steward.Storage.Sql;

namespace Steward.Storage.Registry;

/// <summary>
/// The names models have had (<c>registered_model_names</c>, kept after a delete): a model's
/// ledger entries name it by its name at the time, so following a model through the ledger
/// means following its model_id through every name it held.
/// </summary>
internal sealed partial class SqlRegistryStore
{
    public Task<IReadOnlyList<string>> ListNameFamilyAsync(string name, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<string>>(async session =>
        {
            var names = new List<string> { name };
            var seenModels = new HashSet<long>();
            for (var i = 0; i < names.Count; i++)
            {
                var holders = await session.QueryAsync<long>("SELECT model_id FROM registered_model_names WHERE name = @name", new { name = names[i] });
                foreach (var modelId in holders.Where(seenModels.Add))
                {
                    var held = await session.QueryAsync<string>("SELECT name FROM registered_model_names WHERE model_id = @modelId", new { modelId });
                    names.AddRange(held.Where(n => !names.Contains(n)));
                }
            }

            return names;
        }, cancellationToken);

    private static Task RecordNameAsync(SqlSession session, long modelId, string name) =>
        session.ExecuteAsync("INSERT INTO registered_model_names (model_id, name) VALUES (@modelId, @name) ON CONFLICT DO NOTHING", new { modelId, name });
}
