using System.Data.Common;

namespace Steward.Storage.Sql;

/// <summary>
/// What differs between SQLite and PostgreSQL in the SQL the stores write: list parameters,
/// row locks, LIKE semantics and how a unique violation is reported. Types and identity
/// columns differ too, but only in the migrations, which are kept per dialect.
/// </summary>
internal abstract class SqlDialect
{
    /// <summary>"Sqlite" or "Postgres": names the migration folder and dialect variants of .sql resources.</summary>
    public abstract string Name { get; }

    /// <summary>Membership in a list parameter bound with <see cref="ListValue{T}"/>.</summary>
    public abstract string InList(string parameter);

    /// <summary>The value to bind for an <see cref="InList"/> parameter.</summary>
    public abstract object ListValue<T>(T[] values);

    /// <summary>The row-lock suffix of a SELECT, or empty where a single writer already serializes writes.</summary>
    public abstract string ForUpdate { get; }

    /// <summary>
    /// The FROM clause of the runs that have a number for one metric (key bound to
    /// <paramref name="key"/>), as <c>r</c>, read in the order of that number from the
    /// (key, is_nan, value) index of latest_metrics, <c>s</c>, so that a search stops as soon
    /// as it has a page instead of sorting every run. The plan must not hinge on statistics:
    /// a search's filters are often far more or far less selective than estimated. Where the
    /// clause holds <see cref="FilterSql.ConditionsPlaceholder"/>, the search's conditions go
    /// there (per run, inside the walk) rather than into a WHERE clause.
    /// </summary>
    public abstract string RankedRuns(string key);

    /// <summary>
    /// The FROM clause of the runs of one experiment (its id bound to <paramref name="experiment"/>)
    /// as <c>r</c>, read newest first from an index as <c>s</c> (the search orders by
    /// <c>s.start_time DESC, s.run_uuid ASC</c>), with the search's conditions checked per run
    /// where the clause holds <see cref="FilterSql.ConditionsPlaceholder"/>: a default-order
    /// search then stops as soon as it has a page instead of sorting the experiment's runs.
    /// Null where the dialect's plain query already does well.
    /// </summary>
    public virtual string? RunsByStartTime(string experiment) => null;

    /// <summary>A case-sensitive LIKE; the value bound to <paramref name="parameter"/> must come from <see cref="LikePattern"/>.</summary>
    public abstract string Like(string expression, string parameter);

    /// <summary>A case-insensitive LIKE.</summary>
    public abstract string ILike(string expression, string parameter);

    /// <summary>The value to bind for <see cref="Like"/> given an SQL LIKE pattern.</summary>
    public virtual string LikePattern(string pattern) => pattern;

    /// <summary>True when a statement failed on a unique or primary-key constraint.</summary>
    public abstract bool IsUniqueViolation(DbException exception);
}
