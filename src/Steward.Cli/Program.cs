using System.CommandLine;
using Steward.Cli;

// The steward executable: parse, run one verb, return its exit code
// (0 ok, 1 usage or bad input, 2 refused by a gate or permission, 3 server error or unreachable).
var root = StewardCli.CreateRootCommand();
var invocation = new InvocationConfiguration
{
    // `steward server` stops through the host's own SIGTERM/Ctrl-C handling so it can shut
    // down cleanly and exit 0; the parser must not race it with a forced exit.
    ProcessTerminationTimeout = null,
};
return await root.Parse(args).InvokeAsync(invocation);
