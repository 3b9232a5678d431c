using Microsoft.AspNetCore.Http;
using PSC8.Client.Auth;

namespace PSC8.Client.Tests;

public sealed class JwtRenewalTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Reads_exp_tenant_and_user_from_padded_and_unpadded_tokens(bool padded)
    {
        var expires = DateTimeOffset.UtcNow.AddHours(12);
        var token = JwtToken.TryRead(TestJwt.Create(expires, "my.tenant.com", "root", padded));
        Assert.NotNull(token);
        Assert.Equal(expires.ToUnixTimeSeconds(), token!.Expires!.Value.ToUnixTimeSeconds());
        Assert.Equal("my.tenant.com", token.Tenant);
        Assert.Equal("root", token.Username);
        Assert.False(token.ExpiresWithin(TimeSpan.FromMinutes(10), DateTimeOffset.UtcNow));
        Assert.True(token.ExpiresWithin(TimeSpan.FromMinutes(10), expires.AddMinutes(-5)));
        Assert.DoesNotContain("eyJ", token.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-jwt")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24=.c2ln")]
    public void Unreadable_tokens_give_null(string text)
    {
        Assert.Null(JwtToken.TryRead(text));
    }

    /// <summary>
    /// A server that issues tokens living 30 s: with a 60 s renewal margin every request must sign in again
    /// first, and each request must carry the newest token.
    /// </summary>
    [Fact]
    public async Task Token_near_expiry_is_renewed_before_the_request()
    {
        var issued = new ConcurrentQueue<string>();
        await using var server = await ScriptedServer.StartAsync(async (context, seen, n) =>
        {
            if (seen.Path == "/_open/auth")
            {
                var jwt = TestJwt.Create(DateTimeOffset.UtcNow.AddSeconds(30), serial: issued.Count + 1);
                issued.Enqueue(jwt);
                await ScriptedServer.WriteJson(context, 200, JsonSerializer.Serialize(new { jwt, tenant = "scripted", username = "root" }));
                return;
            }

            await ScriptedServer.WriteJson(context, 200, "{\"error\":false,\"code\":200,\"result\":[\"_system\"]}");
        });

        var log = new ConcurrentQueue<string>();
        var options = new C8ConnectionOptions(server.Url.ToString(), C8Credential.FromPassword("root@x", "pw-123456"))
        {
            Probe = false,
            TokenRenewalMargin = TimeSpan.FromSeconds(60),
            Log = log.Enqueue,
        };
        using var connection = await C8Connection.ConnectAsync(options);
        await connection.Fabrics.ListNamesAsync();
        await connection.Fabrics.ListNamesAsync();

        Assert.Equal(2, server.Count("POST", "/_open/auth"));
        var calls = server.Requests.Where(r => r.Path != "/_open/auth").ToArray();
        Assert.Equal(2, calls.Length);
        var tokens = issued.ToArray();
        Assert.Equal("bearer " + tokens[0], calls[0].Authorization);
        Assert.Equal("bearer " + tokens[1], calls[1].Authorization);
        Assert.Contains(log, l => l.Contains("Renewing the access token"));
        Assert.DoesNotContain(log, l => l.Contains("pw-123456") || l.Contains(tokens[0]) || l.Contains(tokens[1]));
    }

    [Fact]
    public async Task Token_far_from_expiry_is_reused()
    {
        await using var server = await ScriptedServer.StartAsync(async (context, seen, n) =>
        {
            if (seen.Path == "/_open/auth")
            {
                var jwt = TestJwt.Create(DateTimeOffset.UtcNow.AddHours(12));
                await ScriptedServer.WriteJson(context, 200, JsonSerializer.Serialize(new { jwt, tenant = "scripted", username = "root" }));
                return;
            }

            await ScriptedServer.WriteJson(context, 200, "{\"error\":false,\"code\":200,\"result\":[\"_system\"]}");
        });

        var options = new C8ConnectionOptions(server.Url.ToString(), C8Credential.FromPassword("root@x", "pw-123456")) { Probe = false };
        using var connection = await C8Connection.ConnectAsync(options);
        for (var i = 0; i < 3; i++)
        {
            await connection.Fabrics.ListNamesAsync();
        }

        Assert.Equal(1, server.Count("POST", "/_open/auth"));
        Assert.NotNull(connection.TokenExpires);
        Assert.True(connection.TokenExpires > DateTimeOffset.UtcNow.AddHours(11));
    }

    [Fact]
    public async Task A_rejected_token_is_renewed_once_then_the_401_is_raised()
    {
        await using var server = await ScriptedServer.StartAsync(async (context, seen, n) =>
        {
            if (seen.Path == "/_open/auth")
            {
                var jwt = TestJwt.Create(DateTimeOffset.UtcNow.AddHours(12), serial: n);
                await ScriptedServer.WriteJson(context, 200, JsonSerializer.Serialize(new { jwt, tenant = "scripted", username = "root" }));
                return;
            }

            await ScriptedServer.WriteJson(context, 401, "{\"error\":true,\"code\":401,\"errorNum\":11,\"errorMessage\":\"forbidden\"}");
        });

        var options = new C8ConnectionOptions(server.Url.ToString(), C8Credential.FromPassword("root@x", "pw-123456")) { Probe = false };
        using var connection = await C8Connection.ConnectAsync(options);
        var ex = await Assert.ThrowsAsync<C8ApiException>(() => connection.Fabrics.ListNamesAsync());
        Assert.Equal(401, ex.StatusCode);
        Assert.Equal("SecurityError", ex.Category);
        Assert.Equal(2, server.Count("POST", "/_open/auth"));
        Assert.Equal(2, server.Count("GET", "/_fabric/_system/_api/database"));
    }
}
