using System.Net;
using Steward.Cli.Infrastructure;
using Steward.Client;

namespace Steward.Cli.Commands;

/// <summary>Lets people name a run by a unique prefix of its id, as git does commits.</summary>
internal static class RunRefs
{
    /// <summary>The shortest prefix looked up, as git's: shorter ones match too many runs to be worth a round trip.</summary>
    private const int MinPrefixLength = 4;

    /// <summary>Run ids are 32 hex digits; a longer text is no prefix of one.</summary>
    private const int MaxPrefixLength = 32;

    /// <summary>How many candidates an ambiguity error names.</summary>
    private const int CandidatesShown = 3;

    /// <summary>
    /// The run id <paramref name="idOrPrefix"/> names: the run with exactly that id, else the one
    /// run whose id starts with it. None, or several, is a <see cref="CliException"/> (exit 1).
    /// </summary>
    public static async Task<string> ResolveAsync(StewardClient client, string idOrPrefix, CancellationToken cancellationToken)
    {
        var text = idOrPrefix.Trim();
        if (text.Length == 0) throw new CliException("a run id is required");
        try
        {
            return (await client.GetRunAsync(text, cancellationToken)).RunId;
        }
        catch (StewardApiException e) when (e.StatusCode == HttpStatusCode.NotFound && text.Length <= MaxPrefixLength && text.All(char.IsAsciiHexDigit))
        {
            // Not a whole id, but it could be the start of one. Anything else keeps the server's "not found".
        }

        if (text.Length < MinPrefixLength)
            throw new CliException($"no run has the id '{text}' (a prefix needs at least {MinPrefixLength} characters)");

        var matches = await client.FindRunIdsAsync(text, CandidatesShown + 1, cancellationToken);
        return matches.Count switch
        {
            0 => throw new CliException($"no run id starts with '{text}'"),
            1 => matches[0],
            _ => throw new CliException(
                $"run id prefix '{text}' is ambiguous: {string.Join(", ", matches.Take(CandidatesShown))}{(matches.Count > CandidatesShown ? ", …" : "")}"),
        };
    }
}
