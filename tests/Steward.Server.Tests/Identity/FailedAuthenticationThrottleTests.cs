using Steward.Identity;
using Steward.Server.Tests.Support;

namespace Steward.Server.Tests.Identity;

/// <summary>The per-address and per-user-name counts of failed authentications and the wait they impose.</summary>
public sealed class FailedAuthenticationThrottleTests
{
    private readonly AdjustableClock _clock = new();

    private FailedAuthenticationThrottle ThrottleFailedTimes(string address, int failures, string? userName = null)
    {
        var throttle = new FailedAuthenticationThrottle(_clock);
        for (var i = 0; i < failures; i++) throttle.RecordFailure(address, userName);
        return throttle;
    }

    [Fact]
    public void An_address_may_fail_up_to_the_limit_and_still_try()
    {
        var throttle = ThrottleFailedTimes("192.0.2.1", FailedAuthenticationThrottle.MaxFailuresPerAddress - 1);
        Assert.Null(throttle.AddressRetryAfter("192.0.2.1"));
    }

    [Fact]
    public void An_address_at_the_limit_waits_for_the_rest_of_the_window()
    {
        var throttle = ThrottleFailedTimes("192.0.2.1", FailedAuthenticationThrottle.MaxFailuresPerAddress);
        _clock.Advance(TimeSpan.FromSeconds(15));

        var wait = Assert.NotNull(throttle.AddressRetryAfter("192.0.2.1"));
        Assert.InRange(wait, TimeSpan.FromSeconds(44), TimeSpan.FromSeconds(45));
    }

    [Fact]
    public void An_address_may_try_again_once_the_window_is_over()
    {
        var throttle = ThrottleFailedTimes("192.0.2.1", FailedAuthenticationThrottle.MaxFailuresPerAddress);
        _clock.Advance(FailedAuthenticationThrottle.Window);
        Assert.Null(throttle.AddressRetryAfter("192.0.2.1"));
        throttle.RecordFailure("192.0.2.1");
        Assert.Null(throttle.AddressRetryAfter("192.0.2.1"));
    }

    [Fact]
    public void Another_address_is_not_held_back()
    {
        var throttle = ThrottleFailedTimes("192.0.2.1", FailedAuthenticationThrottle.MaxFailuresPerAddress);
        Assert.Null(throttle.AddressRetryAfter("192.0.2.2"));
    }

    [Fact]
    public void Wrong_passwords_for_one_user_name_hold_back_that_name_from_every_address()
    {
        var throttle = new FailedAuthenticationThrottle(_clock);
        for (var i = 0; i < FailedAuthenticationThrottle.MaxFailuresPerUser; i++) throttle.RecordFailure($"192.0.2.{i}", "alice");

        Assert.NotNull(throttle.UserRetryAfter("alice"));
        Assert.Null(throttle.UserRetryAfter("bob"));
        Assert.Null(throttle.AddressRetryAfter("192.0.2.1"));
    }
}
