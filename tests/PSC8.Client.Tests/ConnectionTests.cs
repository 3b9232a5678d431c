using System.Net.Http.Json;

namespace PSC8.Client.Tests;

public sealed class ConnectionTests(C8LocalFixture fixture) : ServerTest(fixture)
{
    protected override bool NeedsFabric => false;

    [Fact]
    public void Password_connection_knows_region_tenant_user_and_token_expiry()
    {
        Assert.Equal(Fixture.Host.Regions[0].Name, Root.Region);
        Assert.Equal(Fixture.Host.Tenant, Root.Tenant);
        Assert.Equal("_system", Root.DefaultFabric);
        Assert.Equal(C8AuthenticationKind.Password, Root.AuthenticationKind);
        Assert.NotNull(Root.TokenExpires);
        var left = Root.TokenExpires!.Value - DateTimeOffset.UtcNow;
        Assert.InRange(left.TotalHours, 11.5, 12.1);
        Assert.Contains(Log, l => l.StartsWith("Signing in at /_open/auth", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Regional_connections_work_side_by_side()
    {
        using var eu = await Root.ConnectToAsync(Fixture.Host.UrlOf("eu-central").ToString());
        using var ap = await Fixture.ConnectAsync(url: Fixture.Host.UrlOf("ap-south"));
        Assert.Equal("eu-central", eu.Region);
        Assert.Equal("ap-south", ap.Region);
        Assert.Equal(Fixture.Host.Regions[0].Name, Root.Region);
        Assert.Equal("eu-central", (await eu.Regions.GetLocalAsync()).Name);
        Assert.Equal("ap-south", (await ap.Regions.GetLocalAsync()).Name);
        Assert.Equal("eu-central", eu.LastServedBy);
    }

    [Fact]
    public async Task Wrong_password_fails_as_SecurityError_without_the_password()
    {
        var log = new ConcurrentQueue<string>();
        var credential = C8Credential.FromPassword(Fixture.Host.RootEmail, "Wrong-Password-4711");
        var ex = await Assert.ThrowsAsync<C8ApiException>(() => Fixture.ConnectAsync(credential, log: log));
        Assert.Equal(401, ex.StatusCode);
        Assert.Equal("SecurityError", ex.Category);
        Assert.Equal("POST", ex.Method);
        Assert.Equal("/_open/auth", ex.Path);
        Assert.DoesNotContain("Wrong-Password-4711", ex.ToString());
        Assert.DoesNotContain(log, l => l.Contains("Wrong-Password-4711"));
    }

    [Fact]
    public async Task Bad_api_key_fails_as_SecurityError_without_the_key()
    {
        var key = Fixture.Host.Tenant + ".nokey.ThisIsNotARealSecret123";
        var ex = await Assert.ThrowsAsync<C8ApiException>(() => Fixture.ConnectAsync(C8Credential.FromApiKey(key)));
        Assert.Equal(401, ex.StatusCode);
        Assert.Equal("C8.AuthenticationFailed", ex.ErrorId);
        Assert.DoesNotContain("ThisIsNotARealSecret123", ex.ToString());
    }

    [Fact]
    public async Task Token_connection_reads_tenant_and_user_from_the_jwt()
    {
        using var http = new HttpClient();
        var response = await http.PostAsJsonAsync(new Uri(Fixture.Host.GlobalUrl, "/_open/auth"), new { email = Fixture.Host.RootEmail, password = Fixture.Host.RootPassword });
        response.EnsureSuccessStatusCode();
        var jwt = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jwt").GetString()!;

        var log = new ConcurrentQueue<string>();
        using var connection = await Fixture.ConnectAsync(C8Credential.FromToken(jwt), log: log);

        Assert.Equal(Fixture.Host.Tenant, connection.Tenant);
        Assert.Equal(C8AuthenticationKind.Token, connection.AuthenticationKind);
        Assert.NotNull(connection.TokenExpires);
        Assert.Contains("_system", await connection.Fabrics.ListNamesAsync());
        Assert.DoesNotContain(log, l => l.Contains(jwt) || l.Contains(jwt.Split('.')[1]));
        Assert.DoesNotContain(jwt, connection.ToString());
    }

    [Fact]
    public async Task Api_key_connection_learns_the_tenant_from_the_user_probe()
    {
        var keyId = C8LocalFixture.Unique("conn");
        var created = await Root.ApiKeys.CreateAsync(keyId);
        try
        {
            var log = new ConcurrentQueue<string>();
            using var connection = await Fixture.ConnectAsync(created.ToCredential(), log: log);
            Assert.Equal(Fixture.Host.Tenant, connection.Tenant);
            Assert.Equal(Fixture.Host.Regions[0].Name, connection.Region);
            Assert.Contains(log, l => l.StartsWith("GET /_api/user ->", StringComparison.Ordinal));
            Assert.DoesNotContain(log, l => l.Contains(created.RevealKey()));
            Assert.DoesNotContain(created.RevealKey(), connection.ToString());
        }
        finally
        {
            await Root.ApiKeys.DeleteAsync(keyId);
        }
    }

    [Fact]
    public async Task Token_renewal_uses_the_clock_against_C8_Local()
    {
        var now = DateTimeOffset.UtcNow;
        var log = new ConcurrentQueue<string>();
        var options = Fixture.Options(log: log);
        options.Clock = () => now;
        using var connection = await C8Connection.ConnectAsync(options);
        Assert.Equal(1, connection.Transport.Authenticator.Logins);

        await connection.Regions.GetLocalAsync();
        Assert.Equal(1, connection.Transport.Authenticator.Logins);

        // Eleven hours and 55 minutes later the 12 h token is within the 10 minute margin.
        now = now.AddHours(11).AddMinutes(55);
        await connection.Regions.GetLocalAsync();
        Assert.Equal(2, connection.Transport.Authenticator.Logins);
        Assert.Single(log, l => l.StartsWith("Renewing the access token", StringComparison.Ordinal));
    }

    [Fact]
    public void Connection_shows_no_secret_in_any_property()
    {
        var forbidden = new[] { Fixture.Host.RootPassword };
        foreach (var property in typeof(C8Connection).GetProperties())
        {
            var value = property.GetValue(Root)?.ToString() ?? string.Empty;
            Assert.All(forbidden, f => Assert.DoesNotContain(f, value));
            Assert.DoesNotContain("eyJ", value);
        }

        Assert.Contains(Fixture.Host.Tenant, Root.ToString());
        Assert.All(Log, l => Assert.DoesNotContain(Fixture.Host.RootPassword, l));
        Assert.All(Log, l => Assert.DoesNotContain("eyJ", l));
    }

    [Fact]
    public async Task Default_fabric_is_used_when_a_call_names_none()
    {
        var fabric = await CreateFabricAsync("deflt", C8SpotRegion.None);
        using var connection = await Fixture.ConnectAsync();
        connection.DefaultFabric = fabric;
        var collection = await connection.Collections.CreateAsync(null, "in_default");
        Assert.Equal(fabric, collection.Fabric);
        Assert.True(await Root.Collections.ExistsAsync(fabric, "in_default"));
        Assert.False(await Root.Collections.ExistsAsync("_system", "in_default"));
    }
}
