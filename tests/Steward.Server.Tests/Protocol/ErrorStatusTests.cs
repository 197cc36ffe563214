using Microsoft.AspNetCore.Http;
using Steward.Errors;
using Steward.Server.Mlflow.Protocol;
using Steward.Server.NativeApi;

namespace Steward.Server.Tests.Protocol;

/// <summary>
/// Every surface answers a domain error with the status of the one table,
/// <see cref="ErrorStatus"/>: the native API's problem+json, MLflow's error JSON and the web UI
/// (whose pages and downloads set <see cref="ErrorStatus.Of"/> themselves). The mappings used to
/// be three and drifted apart.
/// </summary>
public sealed class ErrorStatusTests
{
    public static TheoryData<ErrorCode> Codes => [.. Enum.GetValues<ErrorCode>()];

    [Theory, MemberData(nameof(Codes))]
    public async Task every_error_code_has_the_same_status_on_every_surface(ErrorCode code)
    {
        var status = ErrorStatus.Of(code);

        Assert.Equal(status, Problems.For(code, "detail").StatusCode);
        Assert.Equal(status, Problems.Status(code));
        Assert.Equal(MlflowProtocolException(code) ?? status, await MlflowStatusAsync(code));
    }

    [Theory, MemberData(nameof(Codes))]
    public void only_an_internal_error_is_a_server_error(ErrorCode code)
    {
        var status = ErrorStatus.Of(code);

        if (code == ErrorCode.InternalError) Assert.Equal(500, status);
        else Assert.True(status is >= 400 and < 500 or 501, $"{code} maps to {status}");
    }

    [Fact]
    public async Task too_many_requests_is_429_everywhere()
    {
        Assert.Equal(429, ErrorStatus.Of(ErrorCode.RequestLimitExceeded));
        Assert.Equal(429, Problems.For(ErrorCode.RequestLimitExceeded, "wait").StatusCode);
        Assert.Equal(429, await MlflowStatusAsync(ErrorCode.RequestLimitExceeded));
    }

    /// <summary>MLflow's one deviation from the table: a duplicate is its clients' 400.</summary>
    private static int? MlflowProtocolException(ErrorCode code) => code == ErrorCode.ResourceAlreadyExists ? 400 : null;

    private static async Task<int> MlflowStatusAsync(ErrorCode code)
    {
        var http = new DefaultHttpContext();
        http.Response.Body = new MemoryStream();
        await MlflowErrors.WriteAsync(http, new StewardException(code, "detail"));
        return http.Response.StatusCode;
    }
}
