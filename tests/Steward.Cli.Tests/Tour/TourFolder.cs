using Steward.Cli.Tests.Support;
using Steward.Tests.Support;

namespace Steward.Cli.Tests.Tour;

/// <summary>
/// A throwaway folder that looks like the clone's to the tour's commands: <c>datasets</c> and
/// <c>tests</c> link to the repository's, files the tour writes land here, the server's data
/// folder is <c>steward-data</c>, <c>bin/steward</c> runs this build's CLI and <c>bin/python3</c> is Debian's.
/// </summary>
internal sealed class TourFolder : IDisposable
{
    public TourFolder()
    {
        Path = Directory.CreateTempSubdirectory("steward-tour-").FullName;
        foreach (var shared in new[] { "datasets", "tests" })
        {
            File.CreateSymbolicLink(System.IO.Path.Combine(Path, shared), System.IO.Path.Combine(ReadmeTour.Root, shared));
        }

        Directory.CreateDirectory(Bin);
        var steward = System.IO.Path.Combine(Bin, "steward");
        File.WriteAllText(steward, $"#!/bin/sh\nexec dotnet '{CliRunner.StewardDll}' \"$@\"\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(steward, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        // The MLflow snippet's python3 is Debian's, whose packages the client's dependencies are.
        if (File.Exists(MlflowClient.Python)) File.CreateSymbolicLink(System.IO.Path.Combine(Bin, "python3"), MlflowClient.Python);
    }

    public string Path { get; }

    /// <summary>The server's data folder, as the README's commands name it.</summary>
    public string Data => System.IO.Path.Combine(Path, "steward-data");

    public string Bin => System.IO.Path.Combine(Path, "bin");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a process being shut down: the temporary folder is left.
        }
    }
}
