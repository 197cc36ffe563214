using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Steward.Errors;
using Steward.Identity;
using Steward.Web.Downloads;

namespace Steward.Web.Components.Shared;

/// <summary>
/// What every page shares: the request, the signed-in principal, and one way to turn a domain
/// error (a bad filter, an unknown run, a refused action) into a message on the page with the
/// status the API would answer — never a stack trace.
/// </summary>
public abstract class StewardPage : ComponentBase
{
    /// <summary>The request being rendered (static server rendering always has one).</summary>
    [CascadingParameter]
    public HttpContext? Http { get; set; }

    /// <summary>Who is asking; null only on pages anyone may load.</summary>
    protected Principal? User => Http?.Features.Get<Principal>();

    /// <summary>The message of the last failure, shown by the page.</summary>
    protected string? Error { get; set; }

    /// <summary>Runs <paramref name="action"/>; a domain error becomes <see cref="Error"/> and the response status.</summary>
    protected async Task<bool> TryAsync(Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            await action();
            return true;
        }
        catch (StewardException e)
        {
            Error = e.Message;
            SetStatus(ErrorStatus.Of(e.Code));
            return false;
        }
    }

    /// <summary>
    /// Sets the response status as the page's headers go out. Set during rendering, a 404 would
    /// make the renderer drop the page for a status-code page; the message must stay.
    /// </summary>
    protected void SetStatus(int status)
    {
        if (Http is not { Response.HasStarted: false } http) return;
        http.Response.OnStarting(() =>
        {
            http.Response.StatusCode = status;
            return Task.CompletedTask;
        });
    }

    /// <summary>Cancels work when the browser goes away.</summary>
    protected CancellationToken Aborted => Http?.RequestAborted ?? CancellationToken.None;
}
