using Steward.Client;

namespace Steward.Cli.Tests.Tour;

/// <summary>
/// The README tour's .NET snippet, compiled: the text between the markers is the README's block,
/// character for character (<see cref="ReadmeTourTests"/> checks it), so the snippet a reader
/// copies is code that builds and runs.
/// </summary>
internal static class TourSdkSnippet
{
    public static async Task RunAsync()
    {
        // README:begin
        using var client = StewardClient.FromEnvironment();   // $STEWARD_URL (default http://127.0.0.1:5000), $STEWARD_TOKEN
        var experiment = await client.SetExperimentAsync("churn");   // gets it, or creates it, as mlflow.set_experiment does
        await using (var run = await client.StartRunAsync(experiment, runName: "lgbm-baseline"))
        {
            run.LogParam("model", "lgbm");
            run.LogParam("learning_rate", "0.05");
            for (var step = 0; step < 100; step++)
                run.LogMetric("auc", 0.70 + step * 0.002, step);   // buffered, sent in batches
        }                                                          // flushes and marks the run FINISHED
        // README:end
    }

    /// <summary>The snippet's text as the README shows it: the lines between the markers, unindented.</summary>
    public static string Text()
    {
        var lines = File.ReadAllLines(SourcePath());
        var begin = Array.FindIndex(lines, l => l.Trim() == "// README:begin");
        var end = Array.FindIndex(lines, l => l.Trim() == "// README:end");
        var body = lines[(begin + 1)..end];
        var indent = body.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join('\n', body.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }

    /// <summary>This file, where the compiler saw it: the tests run from the checkout they were built in.</summary>
    private static string SourcePath([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;
}
