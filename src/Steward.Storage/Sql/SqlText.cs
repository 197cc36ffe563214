using System.Collections.Concurrent;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Steward.Storage.Sql;

/// <summary>
/// SQL kept as embedded <c>.sql</c> resources beside the store that runs it. A dialect variant
/// (<c>name.Postgres.sql</c>) wins over the shared file (<c>name.sql</c>). Two placeholders
/// cover the few dialect differences inside shared files: <c>{in @param}</c> for list
/// membership and <c>{for_update}</c> for row locks.
/// </summary>
internal static partial class SqlText
{
    private static readonly Assembly Assembly = typeof(SqlText).Assembly;
    private static readonly ConcurrentDictionary<(string Dialect, string Name), string> Cache = new();

    [GeneratedRegex(@"\{in (@\w+)\}")]
    private static partial Regex InPlaceholder();

    /// <summary>The text of <c>Steward.Storage.{name}.sql</c>, e.g. <c>Tracking.upsert_latest_metric</c>.</summary>
    public static string Get(SqlDialect dialect, string name) =>
        Cache.GetOrAdd((dialect.Name, name), key =>
        {
            var text = Read($"Steward.Storage.{key.Name}.{dialect.Name}.sql")
                ?? Read($"Steward.Storage.{key.Name}.sql")
                ?? throw new InvalidOperationException($"No SQL resource named {key.Name}");
            text = InPlaceholder().Replace(text, m => dialect.InList(m.Groups[1].Value));
            return text.Replace("{for_update}", dialect.ForUpdate, StringComparison.Ordinal);
        });

    /// <summary>The resources under a folder prefix (<c>Migrations.Sqlite.</c>), by name.</summary>
    public static IEnumerable<(string Name, string Text)> Under(string prefix)
    {
        var full = $"Steward.Storage.{prefix}";
        return Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(full, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => (n[full.Length..^4], Read(n)!));
    }

    private static string? Read(string resource)
    {
        using var stream = Assembly.GetManifestResourceStream(resource);
        if (stream is null) return null;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
