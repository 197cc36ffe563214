using Microsoft.AspNetCore.Http;

namespace Steward.Web.Hosting;

/// <summary>The UI's one style sheet, read once from the assembly.</summary>
internal static class StyleSheet
{
    private static readonly Lazy<byte[]> Content = new(() =>
    {
        using var stream = typeof(StyleSheet).Assembly.GetManifestResourceStream("Steward.Web.steward.css")
            ?? throw new InvalidOperationException("The style sheet is missing from the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static IResult Serve(HttpContext http)
    {
        http.Response.Headers.CacheControl = "public, max-age=3600";
        return TypedResults.Bytes(Content.Value, "text/css; charset=utf-8");
    }
}
