namespace PSC8.Server.Tests.Attacks;

/// <summary>C8 Local with the given failed-login limits per user name and per client address, over a 2 s window.</summary>
public abstract class LoginLimitsFixture(int failuresPerUser, int failuresPerAddress) : C8HostFixture
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(2);

    protected override C8LocalOptions CreateOptions() => C8LocalOptions.ForTests() with
    {
        LoginFailuresPerUser = failuresPerUser,
        LoginFailuresPerAddress = failuresPerAddress,
        LoginFailureWindow = Window,
    };
}

/// <summary>Refuses a user name after 3 failed logins (and an address only after 1,000).</summary>
public sealed class UserThrottleFixture() : LoginLimitsFixture(Failures, 1000)
{
    public const int Failures = 3;
}

/// <summary>Refuses a client address after 4 failed logins (and a user name only after 1,000).</summary>
public sealed class AddressThrottleFixture() : LoginLimitsFixture(1000, Failures)
{
    public const int Failures = 4;
}

/// <summary>A throttle that never trips in a test, so every refusal runs its full course.</summary>
public sealed class UnthrottledFixture() : LoginLimitsFixture(10_000, 10_000);
