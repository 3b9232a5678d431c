using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;

namespace PSC8.Server.Tests.Attacks;

/// <summary>Shared steps of the throttle tests: logins, the 429 they expect, and waiting it out.</summary>
internal static class Logins
{
    public static Task<HttpExchange> ByEmailAsync(C8HostFixture fx, string email, string password) =>
        fx.Anonymous().PostAsync("/_open/auth", new { email, password });

    public static Task<HttpExchange> ByNameAsync(C8HostFixture fx, string username, string password) =>
        fx.Anonymous().PostAsync("/_open/auth", new { tenant = fx.Host.Tenant, username, password });

    /// <summary>429 with errorNum 32 (resource limit, as C8 Local's other per-caller limits) and a Retry-After of whole seconds.</summary>
    public static int ShouldBeThrottled(this HttpExchange answer)
    {
        answer.ShouldFail(429, 32);
        var retryAfter = int.Parse(answer.Header("Retry-After") ?? throw new Xunit.Sdk.XunitException($"No Retry-After in {answer}"),
            System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, (int)Math.Ceiling(LoginLimitsFixture.Window.TotalSeconds));
        return retryAfter;
    }

    public static Task WaitOutAsync(int retryAfterSeconds) => Task.Delay(TimeSpan.FromSeconds(retryAfterSeconds) + TimeSpan.FromMilliseconds(100));
}

/// <summary>Repeated failed logins for one user are refused with 429 for a while, even with the right password.</summary>
public sealed class UserLoginThrottleTests(UserThrottleFixture fx) : IClassFixture<UserThrottleFixture>
{
    [Fact]
    public async Task After_too_many_failures_even_the_right_password_is_refused_for_a_while_then_accepted()
    {
        var user = await fx.AddUserAsync();
        var bystander = await fx.AddUserAsync();
        // Email and user name name the same user, so they share one count.
        (await Logins.ByEmailAsync(fx, user.Email, "wrong-1")).ShouldFail(401, 401);
        (await Logins.ByNameAsync(fx, user.UserId, "wrong-2")).ShouldFail(401, 401);
        (await Logins.ByEmailAsync(fx, user.Email.ToUpperInvariant(), "wrong-3")).ShouldFail(401, 401);

        var retryAfter = (await Logins.ByEmailAsync(fx, user.Email, user.Password)).ShouldBeThrottled();
        (await Logins.ByNameAsync(fx, user.UserId, user.Password)).ShouldBeThrottled();
        (await Logins.ByEmailAsync(fx, bystander.Email, bystander.Password)).ShouldBe(200);

        await Logins.WaitOutAsync(retryAfter);
        (await Logins.ByEmailAsync(fx, user.Email, user.Password)).ShouldBe(200);
    }

    [Fact]
    public async Task A_name_that_is_no_user_is_throttled_alike_so_the_throttle_does_not_tell_who_exists()
    {
        var unknown = C8HostFixture.Unique("nobody") + "@example.test";
        for (var i = 0; i < UserThrottleFixture.Failures; i++)
        {
            (await Logins.ByEmailAsync(fx, unknown, "guess-" + i)).ShouldFail(401, 11);
        }
        (await Logins.ByEmailAsync(fx, unknown, "guess")).ShouldBeThrottled();
    }

    [Fact]
    public async Task Only_failures_count_and_a_success_clears_the_users_count()
    {
        var user = await fx.AddUserAsync();
        for (var round = 0; round < 4; round++)
        {
            for (var i = 0; i < UserThrottleFixture.Failures - 1; i++)
            {
                (await Logins.ByEmailAsync(fx, user.Email, "wrong")).ShouldFail(401, 401);
            }
            (await Logins.ByEmailAsync(fx, user.Email, user.Password)).ShouldBe(200);
        }
        for (var i = 0; i < 30; i++)
        {
            (await Logins.ByNameAsync(fx, user.UserId, user.Password)).ShouldBe(200);
        }
    }

    [Fact]
    public async Task A_wrong_current_password_counts_as_a_failed_login()
    {
        var user = await fx.AddUserAsync(("_system", "", AccessLevel.ReadOnly));
        var asUser = fx.WithToken(user.Token);
        for (var i = 0; i < UserThrottleFixture.Failures; i++)
        {
            (await asUser.PatchAsync($"/_api/user/{user.UserId}", new { passwd = "Pw-new-1", currentPasswd = "guess-" + i })).ShouldFail(403, 11);
        }
        (await asUser.PatchAsync($"/_api/user/{user.UserId}", new { passwd = "Pw-new-1", currentPasswd = user.Password })).ShouldBeThrottled();
        (await Logins.ByEmailAsync(fx, user.Email, user.Password)).ShouldBeThrottled();
    }
}

/// <summary>Repeated failed logins from one client address are refused with 429 for a while, whoever signs in.</summary>
public sealed class AddressLoginThrottleTests(AddressThrottleFixture fx) : IClassFixture<AddressThrottleFixture>
{
    [Fact]
    public async Task Failures_for_many_names_from_one_address_refuse_every_login_from_it_for_a_while()
    {
        for (var i = 0; i < AddressThrottleFixture.Failures - 1; i++)
        {
            (await Logins.ByEmailAsync(fx, C8HostFixture.Unique("spray") + "@example.test", "guess")).ShouldFail(401, 11);
        }
        // Signing in correctly from the address does not clear its count.
        (await Logins.ByEmailAsync(fx, fx.Host.RootEmail, fx.Host.RootPassword)).ShouldBe(200);
        (await Logins.ByEmailAsync(fx, C8HostFixture.Unique("spray") + "@example.test", "guess")).ShouldFail(401, 11);

        var retryAfter = (await Logins.ByEmailAsync(fx, fx.Host.RootEmail, fx.Host.RootPassword)).ShouldBeThrottled();
        await Logins.WaitOutAsync(retryAfter);
        (await Logins.ByEmailAsync(fx, fx.Host.RootEmail, fx.Host.RootPassword)).ShouldBe(200);
    }

    [Fact]
    public async Task Failures_from_one_address_do_not_refuse_another()
    {
        for (var i = 0; i < AddressThrottleFixture.Failures; i++)
        {
            (await Logins.ByEmailAsync(fx, C8HostFixture.Unique("spray") + "@example.test", "guess")).ShouldFail(401, 11);
        }
        var retryAfter = (await Logins.ByEmailAsync(fx, fx.Host.RootEmail, fx.Host.RootPassword)).ShouldBeThrottled();

        using var elsewhere = ClientFrom(IPAddress.Parse("127.0.0.2"));
        using var answer = await elsewhere.PostAsJsonAsync(new Uri(fx.Host.UrlOf(Dc.UsWest), "/_open/auth"),
            new { email = fx.Host.RootEmail, password = fx.Host.RootPassword });
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);

        await Logins.WaitOutAsync(retryAfter);
    }

    /// <summary>An HTTP client whose connections leave from another loopback address (Linux routes all of 127.0.0.0/8 locally).</summary>
    private static HttpClient ClientFrom(IPAddress local) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Bind(new IPEndPoint(local, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    });
}
