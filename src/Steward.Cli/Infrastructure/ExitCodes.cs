namespace Steward.Cli.Infrastructure;

/// <summary>The CLI's exit codes; scripts depend on them, so they never change meaning.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Usage error or input the server rejected (bad value, unknown id, duplicate name).</summary>
    public const int BadInput = 1;

    /// <summary>Refused by a governance gate or for lack of permission; or audit verification found tampering.</summary>
    public const int Refused = 2;

    /// <summary>The server failed or could not be reached.</summary>
    public const int ServerError = 3;
}
