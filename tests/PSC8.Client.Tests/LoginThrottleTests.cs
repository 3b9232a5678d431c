using PSC8.Server.Hosting;

namespace PSC8.Client.Tests;

/// <summary>A C8 Local of its own that throttles a user's logins after two failures, so no other test is slowed.</summary>
public sealed class LoginThrottledServer : IAsyncLifetime
{
    public C8LocalFixture Server { get; } = C8LocalFixture.With(C8LocalOptions.ForTests("solo") with { LoginFailuresPerUser = 2 });

    public Task InitializeAsync() => Server.InitializeAsync();

    public Task DisposeAsync() => Server.DisposeAsync();
}

/// <summary>
/// A throttled sign-in (429 after too many failed logins) is a refusal to report at once, not a busy server to wait
/// out: the transport would otherwise sit out Retry-After (up to a minute) and then fail anyway.
/// </summary>
public sealed class LoginThrottleTests(LoginThrottledServer servers) : IClassFixture<LoginThrottledServer>
{
    [Fact]
    public async Task A_throttled_sign_in_fails_at_once_with_the_servers_reason_even_with_the_right_password()
    {
        var server = servers.Server;
        var wrong = C8Credential.FromPassword(server.Host.RootEmail, "not-the-password");
        for (var i = 0; i < 2; i++)
        {
            var refused = await Assert.ThrowsAsync<C8ApiException>(() => server.ConnectAsync(wrong));
            Assert.Equal(401, refused.StatusCode);
        }

        var log = new ConcurrentQueue<string>();
        var throttled = await Assert.ThrowsAsync<C8ApiException>(() => server.ConnectAsync(wrong, log: log));
        Assert.Equal(429, throttled.StatusCode);
        Assert.Contains("too many failed logins", throttled.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(log, l => l.StartsWith("Waiting ", StringComparison.Ordinal));

        var right = await Assert.ThrowsAsync<C8ApiException>(() => server.ConnectAsync(server.RootCredential, log: log));
        Assert.Equal(429, right.StatusCode);
        Assert.DoesNotContain(log, l => l.StartsWith("Waiting ", StringComparison.Ordinal));
    }
}
