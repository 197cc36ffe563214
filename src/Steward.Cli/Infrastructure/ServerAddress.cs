using Steward.Client;

namespace Steward.Cli.Infrastructure;

/// <summary>
/// Where the client verbs send requests: <c>--server</c>, else the environment as the SDK reads it
/// (<see cref="StewardClient.AddressFromEnvironment"/>: <c>STEWARD_URL</c>, else MLflow's
/// <c>MLFLOW_TRACKING_URI</c> when it is an http(s) URL, else the local default).
/// </summary>
internal static class ServerAddress
{
    public static Uri Resolve(string? flag, Func<string, string?>? environment = null)
    {
        if (!string.IsNullOrWhiteSpace(flag))
        {
            return StewardClient.HttpAddress(flag.Trim()) ?? throw Invalid(flag.Trim());
        }

        try
        {
            return StewardClient.AddressFromEnvironment(environment);
        }
        catch (ArgumentException)
        {
            throw Invalid(environment?.Invoke("STEWARD_URL") ?? Environment.GetEnvironmentVariable("STEWARD_URL") ?? "");
        }
    }

    private static CliException Invalid(string value) => new($"invalid server URL '{value.Trim()}': expected http://host:port or https://host:port");
}
