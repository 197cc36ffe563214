using System.CommandLine;

namespace Steward.Cli;

/// <summary>The options of the registry verbs (models create, models versions create) and of runs search's ids-only output.</summary>
internal static partial class CliOptions
{
    public static readonly Option<bool> Quiet = new("--quiet", "-q")
    {
        Description = "Print only run ids, one a line, e.g. RUN=$(steward runs search -e churn --max-results 1 -q).",
    };

    public static readonly Option<string[]> Tags = new("--tag")
    {
        Description = "A tag as key=value; repeat for several.",
        HelpName = "key=value",
    };

    public static readonly Option<string> Run = new("--run")
    {
        Description = "The run that produced the version: its id, or a unique prefix of it (at least 4 characters).",
        Required = true,
        HelpName = "run-id",
    };

    public static readonly Option<string> ArtifactPath = new("--path")
    {
        Description = "The model's folder among the run's artifacts, e.g. model; the version's source is runs:/<run id>/<path>.",
        Required = true,
        HelpName = "path",
    };
}
