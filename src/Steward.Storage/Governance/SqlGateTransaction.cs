using Steward.Registry;
using Steward.Storage.Sql;

namespace Steward.Storage.Governance;

/// <summary>
/// <see cref="IGateTransaction"/> as a unit of the database (<see cref="SqlDatabase.UnitAsync{T}"/>)
/// that first locks the model's row, as the governance stores' writes do (<see cref="ModelKeys"/>).
/// </summary>
internal sealed class SqlGateTransaction(SqlDatabase database) : IGateTransaction
{
    public Task<T> RunAsync<T>(string modelName, Func<Task<T>> change, CancellationToken cancellationToken) =>
        database.UnitAsync(
            // No row for an unknown model: the change then fails with NotFound, having locked nothing.
            session => session.ExecuteAsync(GovernanceSql.Get(session, "lock_model"), new { name = modelName }),
            change,
            cancellationToken);
}
