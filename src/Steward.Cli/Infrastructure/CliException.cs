namespace Steward.Cli.Infrastructure;

/// <summary>A failure the CLI detects itself, reported as one line with its exit code.</summary>
internal sealed class CliException(string message, int exitCode = ExitCodes.BadInput) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
