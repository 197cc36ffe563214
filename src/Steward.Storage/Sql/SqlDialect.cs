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
    /// An inner join that keeps the left table as the outer loop. SQLite's CROSS JOIN does so,
    /// which lets a search walk an index in sort order and stop at a page; PostgreSQL plans that
    /// well by itself.
    /// </summary>
    public abstract string OrderedJoin { get; }

    /// <summary>A case-sensitive LIKE; the value bound to <paramref name="parameter"/> must come from <see cref="LikePattern"/>.</summary>
    public abstract string Like(string expression, string parameter);

    /// <summary>A case-insensitive LIKE.</summary>
    public abstract string ILike(string expression, string parameter);

    /// <summary>The value to bind for <see cref="Like"/> given an SQL LIKE pattern.</summary>
    public virtual string LikePattern(string pattern) => pattern;

    /// <summary>True when a statement failed on a unique or primary-key constraint.</summary>
    public abstract bool IsUniqueViolation(DbException exception);
}
