using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Steward.Web.Session;

/// <summary><c>POST /signout</c>: ends the session; a form post with an antiforgery token like every UI write.</summary>
internal static class SignOutEndpoint
{
    public const string Path = "/signout";

    public static void MapSignOut(this IEndpointRouteBuilder app) =>
        app.MapPost(Path, IResult (HttpContext http, UiSession session) =>
        {
            // The antiforgery middleware checks the token; an endpoint that binds no form must read its verdict.
            if (http.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
                return TypedResults.BadRequest("The form was not sent by this server's sign-out button: its antiforgery token is missing or invalid.");
            session.SignOut(http);
            return TypedResults.Redirect(UiPaths.SignIn + "?signedOut=1");
        }).WithMetadata(new RequireAntiforgeryTokenAttribute());

    /// <summary>A return address only if it stays on this server (a path, not <c>//host</c>).</summary>
    public static string LocalOrHome(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/";
}
