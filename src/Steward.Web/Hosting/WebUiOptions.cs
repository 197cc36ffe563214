namespace Steward.Web.Hosting;

/// <summary>What the host tells the UI about itself.</summary>
/// <param name="CredentialsRequired">
/// True when every request must authenticate; false on a loopback server, where a visitor who
/// has not signed in acts as the local admin (and the UI says so).
/// </param>
public sealed record WebUiOptions(bool CredentialsRequired);
