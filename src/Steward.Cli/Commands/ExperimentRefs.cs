using System.Net;
using Steward.Cli.Infrastructure;
using Steward.Client;

namespace Steward.Cli.Commands;

/// <summary>Lets people name an experiment by id or by name, as they remember it.</summary>
internal static class ExperimentRefs
{
    /// <summary>An all-digit value is tried as an id first, then as a name; anything else is a name.</summary>
    public static async Task<Experiment> ResolveAsync(StewardClient client, string idOrName, CancellationToken cancellationToken)
    {
        if (idOrName.Length > 0 && idOrName.All(char.IsAsciiDigit))
        {
            try
            {
                return await client.GetExperimentAsync(idOrName, cancellationToken);
            }
            catch (StewardApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                // Fall through: a name may be all digits too.
            }
        }

        try
        {
            return await client.GetExperimentByNameAsync(idOrName, cancellationToken);
        }
        catch (StewardApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            throw new CliException($"No experiment with id or name '{idOrName}'");
        }
    }
}
