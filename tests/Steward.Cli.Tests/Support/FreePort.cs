using System.Net;
using System.Net.Sockets;

namespace Steward.Cli.Tests.Support;

internal static class FreePort
{
    /// <summary>A loopback port nothing listens on right now (for "unreachable server" tests).</summary>
    public static int Find()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
