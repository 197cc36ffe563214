namespace Steward.Cli.Infrastructure;

/// <summary>
/// Where the client verbs send requests: <c>--server</c>, else <c>STEWARD_URL</c>, else MLflow's
/// <c>MLFLOW_TRACKING_URI</c> when it is an http(s) URL, else the local default.
/// </summary>
internal static class ServerAddress
{
    public static Uri Resolve(string? flag, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var mlflow = environment("MLFLOW_TRACKING_URI");
        // MLflow also accepts file paths and "databricks"; only an HTTP server can be Steward.
        var mlflowHttp = mlflow is not null && (mlflow.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || mlflow.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            ? mlflow
            : null;
        var value = NonEmpty(flag) ?? NonEmpty(environment("STEWARD_URL")) ?? mlflowHttp ?? CliOptions.DefaultServerUrl;
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new CliException($"invalid server URL '{value}': expected http://host:port or https://host:port");
        }

        return uri;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
