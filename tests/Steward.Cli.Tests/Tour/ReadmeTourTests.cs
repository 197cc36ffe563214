using System.Diagnostics;
using Steward.Cli.Tests.Support;
using Steward.Tests.Support;
using Xunit.Abstractions;

namespace Steward.Cli.Tests.Tour;

/// <summary>Runs alone: the .NET snippet reads the server's address from the process environment.</summary>
[CollectionDefinition(nameof(ReadmeTourCollection), DisableParallelization = true)]
public sealed class ReadmeTourCollection;

/// <summary>
/// The README's tour, run as written against a fresh server in a fresh data folder: every shell
/// command in order (with the server's address for <see cref="ReadmeTour.DocumentedAddress"/>),
/// the .NET snippet where it stands, each command expected to exit as the README says.
/// </summary>
[Collection(nameof(ReadmeTourCollection))]
public sealed partial class ReadmeTourTests(ITestOutputHelper output)
{
    [System.Text.RegularExpressions.GeneratedRegex(@"^using [A-Za-z.]+;$")]
    private static partial System.Text.RegularExpressions.Regex UsingDirective();

    [Fact]
    public void the_readme_dotnet_snippet_is_the_code_the_tour_runs()
    {
        var block = Assert.Single(ReadmeTour.Blocks(), b => b.Language == "csharp");
        // The block's using directives are this file's; the rest is the method body.
        var code = string.Join('\n', block.Text.Split('\n').SkipWhile(l => UsingDirective().IsMatch(l) || l.Length == 0));
        Assert.Equal(TourSdkSnippet.Text(), code);
    }

    [Fact]
    public async Task the_readme_tour_runs_as_written_against_a_fresh_server()
    {
        using var folder = new TourFolder();
        using var server = await ServerProcess.StartAsync(folder.Data);
        var address = server.Address.ToString().TrimEnd('/');
        foreach (var block in ReadmeTour.Blocks().Where(b => !b.IsPython))
        {
            if (block.Language == "csharp")
            {
                await RunSnippetAsync(address);
                continue;
            }

            var run = await RunBashAsync(folder, ReadmeTour.Script(block).Replace(ReadmeTour.DocumentedAddress, address, StringComparison.Ordinal), address);
            output.WriteLine(run.Output);
            Assert.True(run.ExitCode == 0, $"The README's tour failed in the block at line {block.Line}:\n{run.Output}");
        }
    }

    [SkippableFact]
    public async Task the_readme_mlflow_client_snippet_runs_as_written_against_a_fresh_server()
    {
        var (source, version) = await MlflowClient.FindAsync();
        output.WriteLine($"MLflow client {version} from {source}");
        using var folder = new TourFolder();
        using var server = await ServerProcess.StartAsync(folder.Data);
        var address = server.Address.ToString().TrimEnd('/');
        foreach (var block in ReadmeTour.Blocks().Where(b => b.IsPython))
        {
            var script = "set -e\n" + block.Text.Replace(ReadmeTour.DocumentedAddress, address, StringComparison.Ordinal);
            var run = await MlflowClient.RunAsync(["-c", script], source, new Dictionary<string, string> { ["PATH"] = folder.Bin + ":" + Environment.GetEnvironmentVariable("PATH") },
                TimeSpan.FromMinutes(5), program: "bash", workingDirectory: folder.Path);
            output.WriteLine(run.Output);
            Assert.True(run.ExitCode == 0, $"The README's MLflow snippet at line {block.Line} failed:\n{run.Output}");
        }

        using var client = new Steward.Client.StewardClient(server.Address);
        var runs = await client.SearchRunsAsync(new Steward.Client.RunSearch([(await client.GetExperimentByNameAsync("churn")).ExperimentId]));
        Assert.Contains(runs.Items, r => r.RunName == "sklearn-baseline");
    }

    private static async Task RunSnippetAsync(string address)
    {
        Environment.SetEnvironmentVariable("STEWARD_URL", address);
        try
        {
            await TourSdkSnippet.RunAsync();
        }
        finally
        {
            Environment.SetEnvironmentVariable("STEWARD_URL", null);
        }
    }

    /// <summary>Runs a script with bash in the tour folder, <c>steward</c> on PATH being this build's.</summary>
    internal static async Task<(int ExitCode, string Output)> RunBashAsync(TourFolder folder, string script, string address, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = folder.Path,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["PATH"] = folder.Bin + ":" + Environment.GetEnvironmentVariable("PATH");
        foreach (var name in new[] { "STEWARD_TOKEN", "STEWARD_DB", "MLFLOW_TRACKING_URI", "MLFLOW_TRACKING_TOKEN" }) start.Environment.Remove(name);
        start.Environment["STEWARD_URL"] = address;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;

        using var process = Process.Start(start)!;
        // stderr joins stdout in order, so a failure shows what each command printed.
        await process.StandardInput.WriteAsync("exec 2>&1\n" + script);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout);
    }
}
