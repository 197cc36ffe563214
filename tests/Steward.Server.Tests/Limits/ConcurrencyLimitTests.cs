using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Steward.Server.Tests.Support;

namespace Steward.Server.Tests.Limits;

/// <summary>One identity may have only so many requests in progress; others are served meanwhile.</summary>
public sealed class ConcurrencyLimitTests
{
    private const int Limit = 2;

    /// <summary>
    /// Starts a request as <paramref name="token"/> whose body keeps arriving, a little at a time, so it
    /// stays in progress. The trickle outpaces Kestrel's minimum body data rate (240 bytes/s after a
    /// 5 s grace), which would otherwise end a stalled request on a busy machine and free its slot.
    /// </summary>
    private static async Task<(RawHttp Request, Task Trickle)> HoldRequestAsync(TestServer server, string token, CancellationToken stop)
    {
        var request = await RawHttp.StartAsync(server.Address, "POST", "/api/2.0/mlflow/experiments/create",
            $"Authorization: Bearer {token}", "Content-Type: application/json", "Content-Length: 1000000");
        await request.SendAsync("{\"name\": ");
        var trickle = Task.Run(async () =>
        {
            try
            {
                while (!stop.IsCancellationRequested && request.BodyBytesSent < 900_000)
                {
                    await request.SendAsync(new string(' ', 100));
                    await Task.Delay(100, stop);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
            {
                // Stopped, or the connection closed: the request is no longer held.
            }
        }, CancellationToken.None);
        return (request, trickle);
    }

    private static async Task<HttpResponseMessage> MeAsync(TestServer server, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await server.Http.SendAsync(request);
    }

    /// <summary>
    /// Asks until the held requests have reached the server and the next one is turned away; on a
    /// busy machine the held requests may take seconds to get through authentication. A held
    /// request the server already answered is started again: it may have been refused itself,
    /// while an earlier request of the same identity (its response already read) still held a slot.
    /// </summary>
    private static async Task<HttpResponseMessage> UntilRefusedAsync(TestServer server, string token, List<(RawHttp Request, Task Trickle)> held, CancellationToken stop)
    {
        for (var attempt = 0; ; attempt++)
        {
            for (var i = 0; i < held.Count; i++)
            {
                if (!held[i].Request.Answered) continue;
                await held[i].Request.DisposeAsync();
                await held[i].Trickle;
                held[i] = await HoldRequestAsync(server, token, stop);
            }

            var response = await MeAsync(server, token);
            if (response.StatusCode == HttpStatusCode.TooManyRequests || attempt == 200) return response;
            response.Dispose();
            await Task.Delay(100, CancellationToken.None);
        }
    }

    [Fact]
    public async Task requests_beyond_the_per_identity_limit_get_429_while_another_identity_is_served()
    {
        await using var secured = await SecuredServer.StartAsync(Backend.Sqlite, options => options with { MaxConcurrentRequestsPerIdentity = Limit });
        using var other = await secured.NewUserAsync("other", ["auditor"]);
        using var stop = new CancellationTokenSource();
        var held = new List<(RawHttp Request, Task Trickle)>();
        for (var i = 0; i < Limit; i++) held.Add(await HoldRequestAsync(secured.Server, secured.AdminToken, stop.Token));

        using var refused = await UntilRefusedAsync(secured.Server, secured.AdminToken, held, stop.Token);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("REQUEST_LIMIT_EXCEEDED", problem.GetProperty("errorCode").GetString());
        Assert.Contains($"at most {Limit} at once", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        using var served = await MeAsync(secured.Server, other.Token);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);

        await stop.CancelAsync();
        foreach (var (request, trickle) in held)
        {
            await trickle;
            await request.DisposeAsync();
        }
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 50 && statuses.LastOrDefault() != HttpStatusCode.OK; attempt++)
        {
            if (attempt > 0) await Task.Delay(100);
            using var again = await MeAsync(secured.Server, secured.AdminToken);
            statuses.Add(again.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, statuses.Last());
    }
}
