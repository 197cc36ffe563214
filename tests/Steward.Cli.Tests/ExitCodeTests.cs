using System.Net;
using System.Net.Sockets;
using Steward.Cli.Infrastructure;
using Steward.Client;

namespace Steward.Cli.Tests;

/// <summary>The one mapping from failures to exit codes, for failures a live test cannot easily cause.</summary>
public sealed class ExitCodeTests
{
    private static readonly Uri Server = new("http://127.0.0.1:5000");

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, 1)]
    [InlineData(HttpStatusCode.NotFound, 1)]
    [InlineData(HttpStatusCode.Conflict, 1)]
    [InlineData(HttpStatusCode.Forbidden, 2)]
    [InlineData(HttpStatusCode.Unauthorized, 2)]
    [InlineData(HttpStatusCode.InternalServerError, 3)]
    [InlineData(HttpStatusCode.NotImplemented, 3)]
    [InlineData(HttpStatusCode.BadGateway, 3)]
    public void api_errors_map_to_exit_codes(HttpStatusCode status, int exitCode)
    {
        var (code, message) = CliAction.Describe(new StewardApiException(status, null, "what happened", null), Server);
        Assert.Equal(exitCode, code);
        Assert.Equal("what happened", message);
    }

    [Fact]
    public void a_gate_refusal_exits_2_with_its_reasons_on_one_line()
    {
        var refusal = new StewardApiException(HttpStatusCode.Forbidden, "PERMISSION_DENIED", "Production needs:\n- a model card\n- an approval", null);
        var (code, message) = CliAction.Describe(refusal, Server);
        Assert.Equal(2, code);
        Assert.Equal("Production needs: - a model card - an approval", message);
    }

    [Fact]
    public void a_refused_connection_exits_3_naming_the_server()
    {
        var error = new HttpRequestException("Connection refused (127.0.0.1:5000)", new SocketException((int)SocketError.ConnectionRefused));
        var (code, message) = CliAction.Describe(error, Server);
        Assert.Equal(3, code);
        Assert.Equal("cannot reach the Steward server at http://127.0.0.1:5000: connection refused", message);
    }

    [Fact]
    public void server_address_prefers_flag_then_steward_url_then_mlflow_uri()
    {
        var environment = new Dictionary<string, string?>
        {
            ["STEWARD_URL"] = "http://steward.internal:5000",
            ["MLFLOW_TRACKING_URI"] = "http://mlflow.internal:5000",
        };
        Assert.Equal("http://flag:1/", ServerAddress.Resolve("http://flag:1", n => environment.GetValueOrDefault(n)).AbsoluteUri);
        Assert.Equal("http://steward.internal:5000/", ServerAddress.Resolve(null, n => environment.GetValueOrDefault(n)).AbsoluteUri);
        environment.Remove("STEWARD_URL");
        Assert.Equal("http://mlflow.internal:5000/", ServerAddress.Resolve(null, n => environment.GetValueOrDefault(n)).AbsoluteUri);
        environment["MLFLOW_TRACKING_URI"] = "file:///tmp/mlruns";
        Assert.Equal("http://127.0.0.1:5000/", ServerAddress.Resolve(null, n => environment.GetValueOrDefault(n)).AbsoluteUri);
    }
}
