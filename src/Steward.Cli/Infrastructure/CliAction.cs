using System.Net;
using System.Net.Sockets;
using Steward.Client;
using Steward.Errors;

namespace Steward.Cli.Infrastructure;

/// <summary>
/// Runs a verb and turns whatever goes wrong into one line on stderr
/// (<c>steward: error: ...</c>) and the matching exit code; no stack traces for users.
/// </summary>
internal static class CliAction
{
    /// <param name="action">The verb.</param>
    /// <param name="server">The server the verb talks to, once known, for "cannot reach" messages.</param>
    public static async Task<int> RunAsync(Func<Task<int>> action, Func<Uri?>? server = null)
    {
        try
        {
            return await action();
        }
        catch (Exception e)
        {
            var (code, message) = Describe(e, server?.Invoke());
            await Console.Error.WriteLineAsync($"steward: error: {message}");
            return code;
        }
    }

    /// <summary>The native API's code for a change refused by a lifecycle gate (409, like a duplicate, but a refusal).</summary>
    private const string GateClosedCode = "GATE_CLOSED";

    internal static (int Code, string Message) Describe(Exception e, Uri? server) => e switch
    {
        CliException cli => (cli.ExitCode, cli.Message),
        StewardApiException { ErrorCode: GateClosedCode } api => (ExitCodes.Refused, OneLine(api.Detail)),
        StewardApiException api => (CodeFor(api.StatusCode), OneLine(api.Detail)),
        HttpRequestException http => (ExitCodes.ServerError, $"cannot reach the Steward server at {Show(server)}: {Reason(http)}"),
        TaskCanceledException => (ExitCodes.ServerError, $"the Steward server at {Show(server)} did not answer in time"),
        StewardException { Code: ErrorCode.InvalidParameterValue } steward => (ExitCodes.BadInput, OneLine(steward.Message)),
        StewardException { Code: ErrorCode.PermissionDenied or ErrorCode.Unauthenticated or ErrorCode.GateClosed } steward => (ExitCodes.Refused, OneLine(steward.Message)),
        IOException io => (ExitCodes.ServerError, OneLine(io.Message)),
        _ => (ExitCodes.ServerError, OneLine(e.Message)),
    };

    private static int CodeFor(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => ExitCodes.Refused,
        >= HttpStatusCode.InternalServerError => ExitCodes.ServerError,
        _ => ExitCodes.BadInput,
    };

    private static string Show(Uri? server) => server?.AbsoluteUri.TrimEnd('/') ?? "?";

    /// <summary>The root cause in lower case, e.g. "connection refused", as people read it in a terminal.</summary>
    private static string Reason(HttpRequestException e)
    {
        var reason = e.InnerException is SocketException socket ? socket.Message : e.InnerException?.Message ?? e.Message;
        reason = OneLine(reason).TrimEnd('.');
        return reason.Length > 1 && char.IsUpper(reason[0]) && !char.IsUpper(reason[1]) ? char.ToLowerInvariant(reason[0]) + reason[1..] : reason;
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
