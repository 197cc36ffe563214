namespace Steward.Cli.Output;

/// <summary>How a read verb prints: a table for people or the native API's JSON for scripts.</summary>
internal enum OutputFormat
{
    Table,
    Json,
}
