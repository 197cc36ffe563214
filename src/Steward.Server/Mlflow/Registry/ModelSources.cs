using System.Globalization;
using Steward.Errors;
using Steward.Registry;
using Steward.Server.Mlflow.Protocol;

namespace Steward.Server.Mlflow.Registry;

/// <summary>
/// A model version's <c>source</c>: checked when a version is created, and resolved to where
/// the bytes are (<c>runs:/</c> and <c>models:/</c> URIs point elsewhere) when a client asks
/// for the download URI.
/// </summary>
internal static class ModelSources
{
    private const string RunsScheme = "runs:/";
    private const string ModelsScheme = "models:/";

    /// <summary>
    /// Refuses sources that name a path outside where they claim to be (<c>..</c> or <c>.</c>
    /// segments, also percent-encoded, NUL) and local file paths, which a server cannot vouch
    /// for; a <c>runs:/</c> source must name an existing run.
    /// </summary>
    public static async Task CheckAsync(MlflowCall call, string? source)
    {
        if (string.IsNullOrEmpty(source)) return; // the service reports the missing field
        var decoded = source;
        for (var i = 0; i < 5 && decoded.Contains('%', StringComparison.Ordinal); i++) decoded = Uri.UnescapeDataString(decoded.Replace('+', ' '));
        var path = PathOf(decoded, out var scheme);
        if (decoded.Contains('\0', StringComparison.Ordinal) || path.Replace('\\', '/').Split('/').Any(s => s is ".." or "."))
        {
            throw StewardException.Invalid(
                $"Invalid model version source: '{source}'. If supplying a source as an http, https, local file path, ftp, objectstore, or mlflow-artifacts uri, an absolute path must be provided without relative path references present. Please provide an absolute path.");
        }

        if (scheme is null or "file")
        {
            throw StewardException.Invalid(
                $"Invalid model version source: '{source}'. To use a local path as a model version source, the run_id request parameter has to be specified and the local path has to be contained within the artifact directory of the run specified by the run_id.");
        }

        if (source.StartsWith(RunsScheme, StringComparison.Ordinal))
        {
            var (sourceRunId, _) = SplitRunsUri(source);
            await call.Tracking.GetRunAsync(sourceRunId, call.Aborted);
        }
    }

    /// <summary>
    /// Where a version's files are: <c>runs:/&lt;id&gt;/p</c> becomes the run's artifact URI plus
    /// <c>/p</c>, <c>models:/m-...</c> the logged model's, <c>models:/name/&lt;version|stage|latest&gt;</c>
    /// and <c>models:/name@alias</c> that version's; anything else is returned as is.
    /// </summary>
    public static async Task<string> ResolveAsync(MlflowCall call, string source, int depth = 0)
    {
        if (source.StartsWith(RunsScheme, StringComparison.Ordinal))
        {
            var (runId, path) = SplitRunsUri(source);
            var run = await call.Tracking.GetRunAsync(runId, call.Aborted);
            return Join(run.Info.ArtifactUri, path);
        }

        if (!source.StartsWith(ModelsScheme, StringComparison.Ordinal) || depth > 3) return source;
        var rest = source[ModelsScheme.Length..].Trim('/');
        if (rest.StartsWith("m-", StringComparison.Ordinal) && !rest.Contains('/', StringComparison.Ordinal))
        {
            var logged = await call.LoggedModels.GetLoggedModelAsync(rest, call.Aborted);
            return logged.ArtifactUri;
        }

        var version = await FindVersionAsync(call, rest, source);
        return await ResolveAsync(call, version.Source, depth + 1);
    }

    private static async Task<ModelVersion> FindVersionAsync(MlflowCall call, string reference, string source)
    {
        var at = reference.IndexOf('@', StringComparison.Ordinal);
        if (at > 0) return await call.Registry.GetModelVersionByAliasAsync(reference[..at], reference[(at + 1)..], call.Aborted);

        var slash = reference.LastIndexOf('/');
        if (slash <= 0) throw StewardException.Invalid($"Invalid model URI '{source}': expected models:/<name>/<version|stage|latest> or models:/<name>@<alias>.");
        var (name, selector) = (reference[..slash], reference[(slash + 1)..]);
        if (int.TryParse(selector, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return await call.Registry.GetModelVersionAsync(name, selector, call.Aborted);
        }

        IReadOnlyList<string>? stages = selector.Equals("latest", StringComparison.OrdinalIgnoreCase) ? null : [selector];
        var latest = await call.Registry.GetLatestVersionsAsync(name, stages, call.Aborted);
        return latest.MaxBy(v => v.Version)
            ?? throw StewardException.NotFound($"No versions of model with name '{name}' and stage '{selector}' found");
    }

    private static (string RunId, string Path) SplitRunsUri(string source)
    {
        var rest = source[RunsScheme.Length..].TrimStart('/');
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? (rest, "") : (rest[..slash], rest[(slash + 1)..].Trim('/'));
    }

    private static string Join(string root, string path) => path.Length == 0 ? root : $"{root.TrimEnd('/')}/{path}";

    /// <summary>The path part of a URI, and its scheme (null for a plain path or a Windows drive path).</summary>
    private static string PathOf(string source, out string? scheme)
    {
        var colon = source.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 1 || source[..colon].Any(c => !char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.')))
        {
            scheme = null;
            return source;
        }

        scheme = source[..colon].ToLowerInvariant();
        var rest = source[(colon + 1)..];
        if (!rest.StartsWith("//", StringComparison.Ordinal)) return rest;
        var pathStart = rest.IndexOf('/', 2);
        return pathStart < 0 ? "" : rest[pathStart..];
    }
}
