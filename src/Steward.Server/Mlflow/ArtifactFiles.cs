using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;
using Steward.Artifacts;

namespace Steward.Server.Mlflow;

/// <summary>Artifact paths as the MLflow API receives them, and files as it sends them.</summary>
internal static class ArtifactFiles
{
    /// <summary>Extensions MLflow serves as text/plain (its TEXT_EXTENSIONS); MLmodel and MLproject have none.</summary>
    private static readonly HashSet<string> TextExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        "txt", "log", "err", "cfg", "conf", "cnf", "cf", "ini", "properties", "prop", "hocon", "toml", "yaml", "yml",
        "xml", "json", "js", "py", "py3", "csv", "tsv", "md", "rst", "MLmodel", "MLproject",
    };

    private static readonly FileExtensionContentTypeProvider KnownTypes = new();

    /// <summary>
    /// <see cref="ArtifactPath.Normalize"/> for a path that arrived already URL-decoded once;
    /// like MLflow, it also refuses a path that only reveals <c>..</c> or <c>\</c> when decoded
    /// again, so double encoding cannot smuggle either past a later decoder.
    /// </summary>
    public static string Clean(string? path)
    {
        var clean = ArtifactPath.Normalize(path);
        var decoded = path ?? "";
        for (var i = 0; i < 5 && decoded.Contains('%', StringComparison.Ordinal); i++)
        {
            var next = Uri.UnescapeDataString(decoded);
            if (next == decoded) break;
            decoded = next;
            ArtifactPath.Normalize(decoded);
        }

        return clean;
    }

    /// <summary>MLflow's guess: text/plain for its text extensions, the registry of known types, else octet-stream.</summary>
    public static string ContentType(string fileName)
    {
        var dot = fileName.LastIndexOf('.');
        var extension = dot < 0 ? fileName : fileName[(dot + 1)..];
        if (TextExtensions.Contains(extension)) return "text/plain";
        return KnownTypes.TryGetContentType(fileName, out var type) ? type : "application/octet-stream";
    }

    /// <summary>
    /// Streams a file as an attachment, never to be rendered inline by a browser on Steward's
    /// origin (MLflow's guard against stored XSS through artifacts).
    /// </summary>
    public static async Task SendAsync(HttpContext http, Stream content, string path)
    {
        await using var _ = content;
        var fileName = path[(path.LastIndexOf('/') + 1)..];
        var response = http.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType(fileName);
        response.Headers.ContentDisposition = IsPlainHeaderText(fileName)
            ? $"attachment; filename={fileName}"
            : BuildDisposition(fileName);
        response.Headers.XContentTypeOptions = "nosniff";
        if (content.CanSeek) response.ContentLength = content.Length - content.Position;
        await content.CopyToAsync(response.Body, http.RequestAborted);
    }

    private static string BuildDisposition(string fileName)
    {
        var header = new ContentDispositionHeaderValue("attachment");
        header.SetHttpFileName(fileName);
        return header.ToString();
    }

    private static bool IsPlainHeaderText(string value)
    {
        foreach (var c in value)
        {
            if (c is < ' ' or > '~' or '"' or ';' or '\\') return false;
        }

        return true;
    }
}
